package com.engagementorchestrator.promise;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Promises extends JpaRepository<Promise, Long> {

    List<Promise> findByEngagementIdOrderByIdAsc(Long engagementId);

    List<Promise> findByClientIdOrderByIdAsc(Long clientId);

    List<Promise> findByEngagementIdAndStatus(Long engagementId, Promise.Status status);

    Optional<Promise> findFirstByEngagementIdAndKindAndSubjectAndStatusOrderByIdDesc(Long engagementId, Promise.Kind kind,
                                                                                     String subject, Promise.Status status);

    /** Promises on a subject whose event has not come yet: open ones, and broken ones that may still be fulfilled late. */
    List<Promise> findByEngagementIdAndSubjectAndFulfilledAtIsNullAndStatusIn(Long engagementId, String subject,
                                                                              Collection<Promise.Status> statuses);

    List<Promise> findByEngagementIdInAndStatus(Collection<Long> engagementIds, Promise.Status status);

    /** Broken promises of this client or of any colleague at the same company, outside one engagement (marker M3). */
    @Query("""
            select count(p) from Promise p
            where p.status = 'BROKEN' and p.engagementId <> :excluded
              and (p.clientId = :clientId or p.companyId = :companyId)
            """)
    long countBrokenElsewhere(@Param("excluded") Long excludedEngagementId, @Param("clientId") Long clientId,
                              @Param("companyId") Long companyId);
}

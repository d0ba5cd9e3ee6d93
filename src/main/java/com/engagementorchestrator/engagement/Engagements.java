package com.engagementorchestrator.engagement;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Engagements extends JpaRepository<Engagement, Long> {

    Optional<Engagement> findByNumber(String number);

    Optional<Engagement> findByProcessInstanceId(String processInstanceId);

    java.util.List<Engagement> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    @Query("select e from Engagement e where e.client.id = :clientId and e.status in :statuses order by e.id")
    java.util.List<Engagement> findByClientAndStatus(@Param("clientId") Long clientId,
                                                     @Param("statuses") Collection<EngagementStatus> statuses);

    java.util.List<Engagement> findByClientIdOrderByIdAsc(Long clientId);

    long countByClientIdAndStatusIn(Long clientId, Collection<EngagementStatus> statuses);

    /**
     * Earlier engagements of this client, or of any client of the same company, that ended with a broken obligation
     * (expired or terminated). Companies are shared by registration number, so the company id covers colleagues too.
     * The states are written into the query: a list parameter would make Hibernate 6.6 translate it on every call.
     */
    @Query("""
            select count(e) from Engagement e
            where e.id <> :excluded and e.status in ('EXPIRED', 'TERMINATED')
              and (e.client.id = :clientId or e.company.id = :companyId)
            """)
    long countBrokenObligations(@Param("excluded") Long excludedEngagementId, @Param("clientId") Long clientId,
                                @Param("companyId") Long companyId);
}

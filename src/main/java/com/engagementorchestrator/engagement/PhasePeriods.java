package com.engagementorchestrator.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PhasePeriods extends JpaRepository<PhasePeriod, Long> {

    /** The phase an engagement is in (at most one period is open; the newest, should two ever be). */
    default Optional<PhasePeriod> findFirstByEngagementIdAndLeftAtIsNullOrderByIdDesc(long engagementId) {
        return findOpen(engagementId).stream().findFirst();
    }

    // Written out rather than derived: Hibernate 6.6 translates a derived (criteria) query anew on every call.
    @Query("select p from PhasePeriod p where p.engagementId = :engagementId and p.leftAt is null order by p.id desc")
    List<PhasePeriod> findOpen(@Param("engagementId") long engagementId);

    List<PhasePeriod> findByEngagementIdOrderByIdAsc(long engagementId);
}

package com.engagementorchestrator.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PhasePeriods extends JpaRepository<PhasePeriod, Long> {

    Optional<PhasePeriod> findFirstByEngagementIdAndLeftAtIsNullOrderByIdDesc(long engagementId);

    List<PhasePeriod> findByEngagementIdOrderByIdAsc(long engagementId);
}

package com.engagementorchestrator.materials;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BriefItems extends JpaRepository<BriefItem, Long> {

    List<BriefItem> findByEngagementIdOrderByPositionAsc(Long engagementId);

    List<BriefItem> findByEngagementIdInOrderByPositionAsc(java.util.Collection<Long> engagementIds);
}

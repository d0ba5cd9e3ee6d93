package com.engagementorchestrator.delivery;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Deliverables extends JpaRepository<Deliverable, Long> {

    List<Deliverable> findByEngagementIdOrderByIdAsc(Long engagementId);

    java.util.Optional<Deliverable> findFirstByReplacesId(Long replacesId);
}

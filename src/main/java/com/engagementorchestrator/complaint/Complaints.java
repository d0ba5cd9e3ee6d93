package com.engagementorchestrator.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Complaints extends JpaRepository<Complaint, Long> {

    List<Complaint> findByEngagementIdOrderByIdAsc(Long engagementId);
}

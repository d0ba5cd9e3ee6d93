package com.engagementorchestrator.contact;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored progress reports. */
public interface ProgressReportRecords extends JpaRepository<ProgressReport, Long> {

    List<ProgressReport> findByEngagementIdOrderByIdAsc(Long engagementId);
}

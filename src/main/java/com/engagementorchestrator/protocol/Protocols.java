package com.engagementorchestrator.protocol;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Protocols extends JpaRepository<Protocol, Long> {

    List<Protocol> findByEngagementIdOrderByIdAsc(Long engagementId);
}

package com.engagementorchestrator.breach;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Breaches extends JpaRepository<Breach, Long> {

    List<Breach> findByClientIdOrderByIdAsc(Long clientId);

    List<Breach> findByEngagementIdOrderByIdAsc(Long engagementId);

    List<Breach> findByBlockIdOrderByIdAsc(Long blockId);
}

package com.engagementorchestrator.breach;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BlockEvidences extends JpaRepository<BlockEvidence, Long> {

    List<BlockEvidence> findByBlockIdOrderByIdAsc(Long blockId);
}

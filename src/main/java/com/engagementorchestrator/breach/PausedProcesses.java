package com.engagementorchestrator.breach;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PausedProcesses extends JpaRepository<PausedProcess, PausedProcess.Key> {

    List<PausedProcess> findByBlockIdOrderByPausedAtAsc(Long blockId);

    /** Blocks that were decided while some of their processes are still suspended (a failed resumption). */
    @Query("""
            select distinct p.blockId from PausedProcess p, ClientBlock b
            where b.id = p.blockId and p.resumedAt is null and b.status <> 'UNDER_REVIEW'
            """)
    List<Long> findDecidedBlocksWithUnresumedProcesses();
}

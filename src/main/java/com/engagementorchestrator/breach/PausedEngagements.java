package com.engagementorchestrator.breach;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PausedEngagements extends JpaRepository<PausedEngagement, PausedEngagement.Key> {

    List<PausedEngagement> findByBlockIdOrderByEngagementIdAsc(Long blockId);

    /** Blocks that were decided while some of their engagements are still suspended (a failed resumption). */
    @org.springframework.data.jpa.repository.Query("""
            select distinct p.blockId from PausedEngagement p, ClientBlock b
            where b.id = p.blockId and p.resumedAt is null and b.status <> 'UNDER_REVIEW'
            """)
    List<Long> findDecidedBlocksWithUnresumedEngagements();
}

package com.engagementorchestrator.breach;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PausedEngagements extends JpaRepository<PausedEngagement, PausedEngagement.Key> {

    List<PausedEngagement> findByBlockIdOrderByEngagementIdAsc(Long blockId);

}

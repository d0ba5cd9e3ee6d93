package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;

/** An engagement paused by a block; the breached one waits in its process, the others are suspended. */
@Entity
@IdClass(PausedEngagement.Key.class)
public class PausedEngagement {

    public record Key(Long blockId, Long engagementId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private Long blockId;
    @Id
    private Long engagementId;
    private boolean breached;
    private Instant pausedAt;
    private Instant resumedAt;

    protected PausedEngagement() {
    }

    PausedEngagement(Long blockId, Long engagementId, boolean breached) {
        this.blockId = blockId;
        this.engagementId = engagementId;
        this.breached = breached;
        this.pausedAt = Time.now();
    }

    void resumed() {
        this.resumedAt = Time.now();
    }

    public Long getBlockId() {
        return blockId;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public boolean isBreached() {
        return breached;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public Instant getResumedAt() {
        return resumedAt;
    }
}

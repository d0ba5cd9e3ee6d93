package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;

/**
 * A process of a blocked client's engagement: the breaching one waits for the block to be lifted; every other one is
 * suspended, with the instances it called.
 */
@Entity
@IdClass(PausedProcess.Key.class)
public class PausedProcess {

    public record Key(Long blockId, String processInstanceId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private Long blockId;
    @Id
    private String processInstanceId;
    private Long engagementId;
    private String processKey;
    private boolean breaching;
    private Instant pausedAt;
    private Instant resumedAt;

    protected PausedProcess() {
    }

    PausedProcess(Long blockId, String processInstanceId, Long engagementId, String processKey, boolean breaching) {
        this.blockId = blockId;
        this.processInstanceId = processInstanceId;
        this.engagementId = engagementId;
        this.processKey = processKey;
        this.breaching = breaching;
        this.pausedAt = Time.now();
    }

    void resumed() {
        this.resumedAt = Time.now();
    }

    public Long getBlockId() {
        return blockId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getProcessKey() {
        return processKey;
    }

    public boolean isBreaching() {
        return breaching;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public Instant getResumedAt() {
        return resumedAt;
    }
}

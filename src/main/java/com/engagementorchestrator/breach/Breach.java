package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A client broke an obligation: what was due, by when, in which engagement. */
@Entity
public class Breach {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long clientId;
    private Long engagementId;
    private Long blockId;
    private String kind;
    private String whatWasDue;
    private Instant dueAt;
    private Instant occurredAt;

    protected Breach() {
    }

    Breach(Long clientId, Long engagementId, String kind, String whatWasDue, Instant dueAt) {
        this.clientId = clientId;
        this.engagementId = engagementId;
        this.kind = kind;
        this.whatWasDue = whatWasDue;
        this.dueAt = dueAt;
        this.occurredAt = Time.now();
    }

    void blockedBy(Long blockId) {
        this.blockId = blockId;
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public Long getBlockId() {
        return blockId;
    }

    public String getKind() {
        return kind;
    }

    public String getWhatWasDue() {
        return whatWasDue;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}

package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A client blocked after a breach. UNDER_REVIEW: their engagements are paused while a moderator reviews; LIFTED: they
 * resumed; TERMINATED: the engagements were ended and the client stays blocked.
 */
@Entity
public class ClientBlock {

    public enum Status {
        UNDER_REVIEW, LIFTED, TERMINATED;

        public boolean blocks() {
            return this != LIFTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long clientId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String reason;
    private Instant blockedAt;
    private Instant endedAt;
    private String decidedBy;
    private String decisionNotes;
    private String processInstanceId;
    @Version
    private long version;

    protected ClientBlock() {
    }

    ClientBlock(Long clientId, String reason) {
        this.clientId = clientId;
        this.reason = reason;
        this.status = Status.UNDER_REVIEW;
        this.blockedAt = Time.now();
    }

    void attachProcessInstance(String id) {
        this.processInstanceId = id;
    }

    void end(Status outcome, String moderator, String notes) {
        if (status != Status.UNDER_REVIEW) {
            throw new IllegalStateException("Block " + id + " is already " + status);
        }
        this.status = outcome;
        this.decidedBy = moderator;
        this.decisionNotes = notes;
        this.endedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    public Status getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecisionNotes() {
        return decisionNotes;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}

package com.engagementorchestrator.materials;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** The checklist of an engagement as a whole: drafted, sent, complete; review rounds are counted. */
@Entity
public class Brief {

    public enum Status { DRAFT, SENT, COMPLETE }

    @Id
    private Long engagementId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int rounds;
    private Instant sentAt;
    private Instant completedAt;

    protected Brief() {
    }

    Brief(Long engagementId) {
        this.engagementId = engagementId;
        this.status = Status.DRAFT;
    }

    void send() {
        status = Status.SENT;
        rounds = 1;
        sentAt = Time.now();
    }

    void nextRound() {
        rounds++;
    }

    void complete() {
        status = Status.COMPLETE;
        completedAt = Time.now();
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public Status getStatus() {
        return status;
    }

    public int getRounds() {
        return rounds;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}

package com.engagementorchestrator.engagement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;

/** The time one engagement spent in one phase: open while it is there, closed with its duration when it leaves. */
@Entity
public class PhasePeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    @Enumerated(EnumType.STRING)
    private EngagementPhase phase;
    private Instant enteredAt;
    private Instant leftAt;
    private Long durationMs;

    protected PhasePeriod() {
    }

    PhasePeriod(long engagementId, EngagementPhase phase, Instant enteredAt) {
        this.engagementId = engagementId;
        this.phase = phase;
        this.enteredAt = enteredAt;
    }

    /** Ends the period; a test that moved the engine clock back counts nothing negative. */
    Duration leave(Instant at) {
        this.leftAt = at;
        Duration spent = Duration.between(enteredAt, at);
        this.durationMs = Math.max(0, spent.toMillis());
        return spent.isNegative() ? Duration.ZERO : spent;
    }

    public EngagementPhase getPhase() {
        return phase;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public Long getDurationMs() {
        return durationMs;
    }
}

package com.engagementorchestrator.promise;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;

/**
 * A client commitment with a date (seed 000, marker 3). Kept when the event comes by its date, broken when the date
 * passes first; a promise renegotiated before its date is replaced by the new one and counts neither way.
 */
@Entity
public class Promise {

    public enum Kind { AUTHORITY_DOCUMENT, DEPOSIT_PAYMENT, BRIEF_ITEM, EXTENSION, PROTOCOL_AGREEMENT, FINAL_PAYMENT, SIGNATURE, CHANGE_ORDER_PAYMENT,
        /** Promised before any contract and not done, as the moderator learned in the intro call (marker M3). */
        BEFORE_CONTRACT }

    public enum Status { OPEN, KEPT, BROKEN, RENEGOTIATED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long clientId;
    private Long companyId;
    private Long engagementId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String subject;
    private String description;
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant madeAt;
    private Instant resolvedAt;
    private Instant fulfilledAt;
    /** Why a promise was closed without its event: the engagement ended (completed, terminated, declined) first. */
    private String closeReason;

    protected Promise() {
    }

    Promise(Party party, Kind kind, String subject, String description, Instant dueAt) {
        this.clientId = party.clientId();
        this.companyId = party.companyId();
        this.engagementId = party.engagementId();
        this.kind = kind;
        this.subject = subject;
        this.description = description;
        this.dueAt = dueAt;
        this.status = Status.OPEN;
        this.madeAt = Time.now();
    }

    /** Who promised: the client, their company (for the company's record) and the engagement. */
    public record Party(Long clientId, Long companyId, Long engagementId) {
    }

    /** The promised thing happened at {@code when}: kept if still open, otherwise only the late fulfilment is noted. */
    void fulfil(Instant when) {
        fulfilledAt = when;
        if (status == Status.OPEN) {
            status = when.isAfter(dueAt) ? Status.BROKEN : Status.KEPT;
            resolvedAt = Time.now();
        }
    }

    void breakIfDue(Instant now) {
        if (status == Status.OPEN && !now.isBefore(dueAt)) {
            status = Status.BROKEN;
            resolvedAt = now;
        }
    }

    void close(Status finalStatus) {
        if (status == Status.OPEN) {
            status = finalStatus;
            resolvedAt = Time.now();
        }
    }

    /** The engagement ended before the promised event: an open promise is cancelled, with the reason. */
    void cancel(String reason) {
        if (status == Status.OPEN) {
            close(Status.CANCELLED);
            closeReason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        }
    }

    void postpone(Duration by) {
        if (status == Status.OPEN) {
            dueAt = dueAt.plus(by);
        }
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getMadeAt() {
        return madeAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getFulfilledAt() {
        return fulfilledAt;
    }

    public String getCloseReason() {
        return closeReason;
    }
}

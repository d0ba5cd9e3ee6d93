package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** What the client is asked to pay: the deposit before work starts (and, later, the final payment). */
@Entity
public class Invoice {

    public enum Kind { DEPOSIT, FINAL, CHANGE_ORDER }

    public enum Status { OPEN, PAID }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private Long engagementId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private BigDecimal amount;
    private String currency;
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Integer sharePercent;
    private Instant issuedAt;
    private Instant paidAt;
    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(String number, Long engagementId, Kind kind, BigDecimal amount, String currency, Instant dueAt,
            Integer sharePercent) {
        this.number = number;
        this.engagementId = engagementId;
        this.kind = kind;
        this.amount = amount;
        this.currency = currency;
        this.dueAt = dueAt;
        this.sharePercent = sharePercent;
        this.status = Status.OPEN;
        this.issuedAt = Time.now();
    }

    /** Marks the invoice paid once the payments add up to its amount; answers whether it is paid now. */
    boolean settle(BigDecimal paidSoFar, Instant lastPaymentAt) {
        if (status == Status.OPEN && paidSoFar.compareTo(amount) >= 0) {
            status = Status.PAID;
            paidAt = lastPaymentAt;
        }
        return status == Status.PAID;
    }

    void postpone(Duration by) {
        dueAt = dueAt.plus(by);
    }

    void reschedule(Instant newDueAt) {
        dueAt = newDueAt;
    }

    public boolean isPaid() {
        return status == Status.PAID;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getSharePercent() {
        return sharePercent;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }
}

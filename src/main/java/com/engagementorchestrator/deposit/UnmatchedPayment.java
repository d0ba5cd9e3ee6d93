package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** A provider payment that fits no open invoice: kept, never dropped, for a moderator to sort out. */
@Entity
public class UnmatchedPayment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String providerPaymentId;
    private String invoiceNumber;
    private BigDecimal amount;
    private String currency;
    private String reason;
    private String payload;
    private Instant receivedAt;

    protected UnmatchedPayment() {
    }

    UnmatchedPayment(String providerPaymentId, String invoiceNumber, BigDecimal amount, String currency, String reason,
                     String payload) {
        this.providerPaymentId = providerPaymentId;
        this.invoiceNumber = invoiceNumber;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.payload = payload;
        this.receivedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public String getProviderPaymentId() {
        return providerPaymentId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReason() {
        return reason;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}

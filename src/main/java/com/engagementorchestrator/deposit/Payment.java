package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** Money received against an invoice, from the payment provider or from a confirmed payment order. */
@Entity
public class Payment {

    public enum Source { PROVIDER, PAYMENT_ORDER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long invoiceId;
    @Enumerated(EnumType.STRING)
    private Source source;
    private String providerPaymentId;
    private BigDecimal amount;
    private String currency;
    private Instant paidAt;
    private Instant receivedAt;
    private String payload;

    protected Payment() {
    }

    Payment(Long invoiceId, Source source, String providerPaymentId, BigDecimal amount, String currency, Instant paidAt,
            String payload) {
        this.invoiceId = invoiceId;
        this.source = source;
        this.providerPaymentId = providerPaymentId;
        this.amount = amount;
        this.currency = currency;
        this.receivedAt = Time.now();
        this.paidAt = paidAt == null ? receivedAt : paidAt;
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public Source getSource() {
        return source;
    }

    public String getProviderPaymentId() {
        return providerPaymentId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}

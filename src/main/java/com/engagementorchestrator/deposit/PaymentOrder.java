package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.StoredFile;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** The bank's payment document a client uploads as proof of payment; a moderator confirms or rejects it. */
@Entity
public class PaymentOrder {

    public enum Decision { PENDING, CONFIRMED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long invoiceId;
    @Embedded
    private StoredFile file;
    private BigDecimal declaredAmount;
    private String uploadedBy;
    private Instant uploadedAt;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private BigDecimal confirmedAmount;
    private String rejectionReason;
    private String decidedBy;
    private Instant decidedAt;

    protected PaymentOrder() {
    }

    PaymentOrder(Long invoiceId, StoredFile file, BigDecimal declaredAmount, String uploadedBy) {
        this.invoiceId = invoiceId;
        this.file = file;
        this.declaredAmount = declaredAmount;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Time.now();
        this.decision = Decision.PENDING;
    }

    void confirm(BigDecimal amount, String moderator) {
        decision = Decision.CONFIRMED;
        confirmedAmount = amount;
        decidedBy = moderator;
        decidedAt = Time.now();
    }

    void reject(String reason, String moderator) {
        decision = Decision.REJECTED;
        rejectionReason = reason;
        decidedBy = moderator;
        decidedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public StoredFile getFile() {
        return file;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }






    public BigDecimal getDeclaredAmount() {
        return declaredAmount;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public Decision getDecision() {
        return decision;
    }

    public BigDecimal getConfirmedAmount() {
        return confirmedAmount;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}

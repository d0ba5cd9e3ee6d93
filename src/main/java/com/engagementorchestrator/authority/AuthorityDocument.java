package com.engagementorchestrator.authority;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.StoredFile;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A document by which a client proves they work for the company and may sign for it (marker M6). */
@Entity
public class AuthorityDocument {

    public enum Decision { PENDING, ACCEPTED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    private int attempt;
    @Embedded
    private StoredFile file;
    private String uploadedBy;
    private Instant uploadedAt;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String rejectionReason;
    private String decidedBy;
    private Instant decidedAt;

    protected AuthorityDocument() {
    }

    AuthorityDocument(Long engagementId, int attempt, StoredFile file, String uploadedBy) {
        this.engagementId = engagementId;
        this.attempt = attempt;
        this.file = file;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Time.now();
        this.decision = Decision.PENDING;
    }

    void decide(Decision decision, String reason, String moderator) {
        this.decision = decision;
        this.rejectionReason = reason;
        this.decidedBy = moderator;
        this.decidedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public StoredFile getFile() {
        return file;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public int getAttempt() {
        return attempt;
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

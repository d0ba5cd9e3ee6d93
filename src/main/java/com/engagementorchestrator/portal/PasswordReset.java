package com.engagementorchestrator.portal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One password-reset link: only the token's SHA-256 is kept, so the table cannot be used to reset anything. */
@Entity
@Table(name = "portal_password_reset")
class PasswordReset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String userId;
    private String tokenSha256;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected PasswordReset() {
    }

    PasswordReset(String userId, String tokenSha256, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.tokenSha256 = tokenSha256;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        usedAt = now;
    }

    Long getId() {
        return id;
    }

    String getUserId() {
        return userId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}

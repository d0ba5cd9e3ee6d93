package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A side that does not sign says why; the moderator revises the protocol. */
@Entity
public class ProtocolObjection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long protocolId;
    @Enumerated(EnumType.STRING)
    private ProtocolAgreement.Party role;
    private String userId;
    private String reason;
    private Instant raisedAt;

    protected ProtocolObjection() {
    }

    ProtocolObjection(Long protocolId, ProtocolAgreement.Party role, String userId, String reason) {
        this.protocolId = protocolId;
        this.role = role;
        this.userId = userId;
        this.reason = reason;
        this.raisedAt = Time.now();
    }

    public Long getProtocolId() {
        return protocolId;
    }

    public ProtocolAgreement.Party getRole() {
        return role;
    }

    public String getUserId() {
        return userId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }
}

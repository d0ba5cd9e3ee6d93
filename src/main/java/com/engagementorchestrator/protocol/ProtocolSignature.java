package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** Who signed which content (its SHA-256), when, from where. Void once a newer version replaces it. */
@Entity
public class ProtocolSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long protocolId;
    @Enumerated(EnumType.STRING)
    private ProtocolAgreement.Party role;
    private String userId;
    private Instant signedAt;
    private String ipAddress;
    private String userAgent;
    private String contentSha256;
    private Instant voidedAt;

    protected ProtocolSignature() {
    }

    ProtocolSignature(Long protocolId, ProtocolAgreement.Party role, String userId, String ipAddress, String userAgent,
                      String contentSha256) {
        this.protocolId = protocolId;
        this.role = role;
        this.userId = userId;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
        this.contentSha256 = contentSha256;
        this.signedAt = Time.now();
    }

    void voidIt() {
        if (voidedAt == null) {
            voidedAt = Time.now();
        }
    }

    public boolean isValid() {
        return voidedAt == null;
    }

    public Long getId() {
        return id;
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

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }
}

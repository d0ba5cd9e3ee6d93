package com.engagementorchestrator.correspondence;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One message to a client, stored before it is sent (seed 002: "record your warning!"). */
@Entity
public class Correspondence {

    public enum Status { PENDING, SENDING, SENT, NOT_CONFIGURED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String dedupKey;
    private Long engagementId;
    private String recipient;
    private String channel;
    private String locale;
    private String template;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected Correspondence() {
    }

    Correspondence(String dedupKey, Long engagementId, String recipient, String locale, String template,
                   String subject, String body, Status status) {
        this.dedupKey = dedupKey;
        this.engagementId = engagementId;
        this.recipient = recipient;
        this.channel = "EMAIL";
        this.locale = locale;
        this.template = template;
        this.subject = subject;
        this.body = body;
        this.status = status;
        this.createdAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getChannel() {
        return channel;
    }

    public String getLocale() {
        return locale;
    }

    public String getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}

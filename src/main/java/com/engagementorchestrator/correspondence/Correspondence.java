package com.engagementorchestrator.correspondence;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One message of the correspondence with a client (seed 002: "record your warning!", "keep the whole correspondence").
 * Outbound: a letter of ours, stored before it is sent, with the Message-ID and Reply-To it goes out with. Inbound: a
 * reply read from the reply mailbox, with the letter it answers and whether its sender is the engagement's client.
 */
@Entity
public class Correspondence {

    /**
     * Outbound: PENDING, SENDING, SENT, NOT_CONFIGURED. Inbound: RECEIVED (from the engagement's client), UNVERIFIED
     * (matched to an engagement, but the sender is not its client: not the client's word), UNMATCHED (no engagement).
     */
    public enum Status { PENDING, SENDING, SENT, NOT_CONFIGURED, RECEIVED, UNVERIFIED, UNMATCHED }

    public enum Direction { OUTBOUND, INBOUND }

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
    /** While SENDING: until when the sender holds the letter; past it the letter is recovered and sent again. */
    private Instant leaseUntil;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    private String messageId;
    private String replyTo;
    private String sender;
    private Long answersId;
    private Instant receivedAt;
    private Instant readAt;
    private String readBy;
    private String moderatorNote;

    protected Correspondence() {
    }

    /** An inbound message (a reply) as read from the mailbox. */
    static Correspondence inbound(String dedupKey, Long engagementId, Status status, String mailbox, String sender,
                                  String messageId, Long answersId, String subject, String body, Instant receivedAt) {
        Correspondence c = new Correspondence(dedupKey, engagementId, mailbox, null, null, subject, body, status);
        c.direction = Direction.INBOUND;
        c.sender = sender;
        c.messageId = messageId;
        c.answersId = answersId;
        c.receivedAt = receivedAt;
        return c;
    }

    /** A moderator has read the reply; the note is internal (never shown to the client). */
    void markRead(String by, String note) {
        if (readAt == null) {
            readAt = Time.now();
            readBy = by;
            moderatorNote = note;
        }
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
        this.direction = Direction.OUTBOUND;
    }

    /** The letter's own Message-ID and the address a reply goes to, fixed when it is recorded. */
    Correspondence addressed(String messageId, String replyTo) {
        this.messageId = messageId;
        this.replyTo = replyTo;
        return this;
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

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public Direction getDirection() {
        return direction;
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getSender() {
        return sender;
    }

    public Long getAnswersId() {
        return answersId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getReadBy() {
        return readBy;
    }

    public String getModeratorNote() {
        return moderatorNote;
    }
}

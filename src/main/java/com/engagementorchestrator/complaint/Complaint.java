package com.engagementorchestrator.complaint;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An unhappy client's complaint and everything done about it (seed 002, "unhappy client"). */
@Entity
public class Complaint {

    /** Seed 002: our fault, outside our control, or nit-picking answered with the signed record. */
    public enum Classification {
        OUR_FAULT("Our fault"), OUTSIDE_OUR_CONTROL("Outside our control"), UNFOUNDED("Unfounded: the signed record says otherwise");

        private final String words;

        Classification(String words) {
            this.words = words;
        }

        /** What people read in forms and Tasklist instead of the code. */
        public String inWords() {
            return words;
        }
    }

    public enum Status { OPEN, ANSWERED, ESCALATED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    private String raisedBy;
    private String text;
    private Instant raisedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Classification classification;
    private String answer;
    private String fix;
    private LocalDate fixBy;
    private BigDecimal refundAmount;
    private String answeredBy;
    private Instant answeredAt;
    private Instant answerOverdueAt;
    private String clientReply;
    private String escalationAnswer;
    private String escalationBy;
    private Instant closedAt;
    private String closedHow;

    protected Complaint() {
    }

    Complaint(Long engagementId, String raisedBy, String text) {
        this.engagementId = engagementId;
        this.raisedBy = raisedBy;
        this.text = text;
        this.raisedAt = Time.now();
        this.status = Status.OPEN;
    }

    void answer(Classification classification, String answer, String fix, LocalDate fixBy, BigDecimal refund, String by) {
        this.classification = classification;
        this.answer = answer;
        this.fix = fix;
        this.fixBy = fixBy;
        this.refundAmount = refund;
        this.answeredBy = by;
        this.answeredAt = Time.now();
        this.status = Status.ANSWERED;
    }

    void answerOverdue() {
        if (answerOverdueAt == null) {
            answerOverdueAt = Time.now();
        }
    }

    void escalate(String reply) {
        this.clientReply = reply;
        this.status = Status.ESCALATED;
    }

    void escalationAnswered(String answer, String by) {
        this.escalationAnswer = answer;
        this.escalationBy = by;
    }

    void close(String how) {
        this.status = Status.CLOSED;
        this.closedHow = how;
        this.closedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public String getText() {
        return text;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Status getStatus() {
        return status;
    }

    public Classification getClassification() {
        return classification;
    }

    public String getAnswer() {
        return answer;
    }

    public String getFix() {
        return fix;
    }

    public LocalDate getFixBy() {
        return fixBy;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getAnswerOverdueAt() {
        return answerOverdueAt;
    }

    public String getClientReply() {
        return clientReply;
    }

    public String getEscalationAnswer() {
        return escalationAnswer;
    }

    public String getEscalationBy() {
        return escalationBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedHow() {
        return closedHow;
    }
}

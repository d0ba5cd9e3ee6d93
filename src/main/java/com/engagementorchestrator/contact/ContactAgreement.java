package com.engagementorchestrator.contact;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * The rules of contact agreed with the client at the intro call (seed 002, ground rules of remote work): the preferred
 * channel and how often progress reports go out. One per engagement; agreeing again replaces it.
 */
@Entity
public class ContactAgreement {

    /** What an engagement without a recorded agreement (one from before) follows. */
    public static final ContactChannel DEFAULT_CHANNEL = ContactChannel.EMAIL;
    public static final int DEFAULT_REPORT_EVERY_DAYS = 7;

    @Id
    private Long engagementId;
    @Enumerated(EnumType.STRING)
    private ContactChannel preferredChannel;
    private int reportEveryDays;
    private String agreedBy;
    private Instant agreedAt;

    protected ContactAgreement() {
    }

    ContactAgreement(long engagementId, ContactChannel preferredChannel, int reportEveryDays, String agreedBy) {
        this.engagementId = engagementId;
        replace(preferredChannel, reportEveryDays, agreedBy);
    }

    /** The default for an engagement without a recorded agreement: not stored, agreed by no one. */
    static ContactAgreement byDefault(long engagementId) {
        ContactAgreement agreement = new ContactAgreement();
        agreement.engagementId = engagementId;
        agreement.preferredChannel = DEFAULT_CHANNEL;
        agreement.reportEveryDays = DEFAULT_REPORT_EVERY_DAYS;
        return agreement;
    }

    void replace(ContactChannel preferredChannel, int reportEveryDays, String agreedBy) {
        this.preferredChannel = preferredChannel;
        this.reportEveryDays = reportEveryDays;
        this.agreedBy = agreedBy;
        this.agreedAt = Time.now();
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public ContactChannel getPreferredChannel() {
        return preferredChannel;
    }

    public int getReportEveryDays() {
        return reportEveryDays;
    }

    /** The moderator who recorded it; null for the default. */
    public String getAgreedBy() {
        return agreedBy;
    }

    /** Null for the default. */
    public Instant getAgreedAt() {
        return agreedAt;
    }

    /** Whether it was agreed and recorded, rather than the default. */
    public boolean isRecorded() {
        return agreedAt != null;
    }
}

package com.engagementorchestrator.contact;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A progress report a freelancer wrote during the work; it goes to the client as a letter (seed 002: "Своевременно предоставлять отчеты"). */
@Entity
public class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    /** When this report was due: the next date of the schedule after the one that asked for it. */
    private Instant dueAt;
    private String doneSoFar;
    private String nextSteps;
    private String neededFromClient;
    private String writtenBy;
    private Instant writtenAt;
    private Instant sentAt;

    protected ProgressReport() {
    }

    ProgressReport(long engagementId, Instant dueAt, String doneSoFar, String nextSteps, String neededFromClient, String writtenBy) {
        this.engagementId = engagementId;
        this.dueAt = dueAt;
        this.doneSoFar = doneSoFar;
        this.nextSteps = nextSteps;
        this.neededFromClient = neededFromClient;
        this.writtenBy = writtenBy;
        this.writtenAt = Time.now();
    }

    void sent() {
        this.sentAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getDoneSoFar() {
        return doneSoFar;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    /** Null when nothing is needed from the client. */
    public String getNeededFromClient() {
        return neededFromClient;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    /** Null until the letter is written (or when the engagement was not active then). */
    public Instant getSentAt() {
        return sentAt;
    }
}

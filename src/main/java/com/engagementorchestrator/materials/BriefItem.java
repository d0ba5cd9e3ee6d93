package com.engagementorchestrator.materials;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One thing the work needs from the client: a file or an answer, by a date. */
@Entity
public class BriefItem {

    public enum Kind { FILE, ANSWER }

    public enum Status { OPEN, SUBMITTED, ACCEPTED, MISSING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    private int position;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String title;
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean extensionRequested;
    private String reviewNote;

    protected BriefItem() {
    }

    BriefItem(Long engagementId, int position, Kind kind, String title, LocalDate dueDate) {
        this.engagementId = engagementId;
        this.position = position;
        this.kind = kind;
        this.title = title;
        this.dueDate = dueDate;
        this.status = Status.OPEN;
    }

    /** The whole due day counts: the item is due at the end of it (UTC). */
    public Instant dueAt() {
        return dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    boolean isAwaited() {
        return status == Status.OPEN || status == Status.MISSING;
    }

    void submitted() {
        status = Status.SUBMITTED;
    }

    void accept() {
        status = Status.ACCEPTED;
        reviewNote = null;
    }

    void missing(String note) {
        status = Status.MISSING;
        reviewNote = note;
    }

    void extend(LocalDate newDate) {
        extensionRequested = true;
        dueDate = newDate;
    }

    void reschedule(LocalDate newDate) {
        dueDate = newDate;
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public int getPosition() {
        return position;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isExtensionRequested() {
        return extensionRequested;
    }

    public String getReviewNote() {
        return reviewNote;
    }
}

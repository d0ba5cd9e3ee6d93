package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.Time;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A work result the freelancer uploaded: the original, and the preview the client sees until full payment. */
@Entity
public class Deliverable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    private String title;
    @Embedded
    private StoredFile original;
    @Enumerated(EnumType.STRING)
    private Previews.Kind previewKind;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "fileName", column = @Column(name = "preview_file_name")),
            @AttributeOverride(name = "contentType", column = @Column(name = "preview_content_type")),
            @AttributeOverride(name = "sizeBytes", column = @Column(name = "preview_size_bytes")),
            @AttributeOverride(name = "sha256", column = @Column(name = "preview_sha256")),
            @AttributeOverride(name = "content", column = @Column(name = "preview_content"))})
    private StoredFile preview;
    private String uploadedBy;
    private Instant uploadedAt;
    private int version;
    private Long replacesId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String changeRequest;
    private String assessment;
    private String assessmentNote;
    private String changeOrderProtocol;
    private String changeOrderInvoice;
    private Instant reviewedAt;

    /** Where the client's review of this version stands. */
    public enum Status { IN_REVIEW, ACCEPTED, AUTO_ACCEPTED, CHANGES_REQUESTED, REPLACED }

    protected Deliverable() {
    }

    Deliverable(Long engagementId, String title, StoredFile original, Previews.Preview preview, String uploadedBy) {
        this.engagementId = engagementId;
        this.title = title;
        this.original = original;
        this.previewKind = preview.kind();
        this.preview = preview.file();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Time.now();
        this.version = 1;
        this.status = Status.IN_REVIEW;
    }

    Deliverable replacedBy(StoredFile file, Previews.Preview preview, String uploadedBy) {
        Deliverable next = new Deliverable(engagementId, title, file, preview, uploadedBy);
        next.version = version + 1;
        next.replacesId = id;
        this.status = Status.REPLACED;
        return next;
    }

    void accept(boolean bySilence) {
        this.status = bySilence ? Status.AUTO_ACCEPTED : Status.ACCEPTED;
        this.reviewedAt = Time.now();
    }

    void changesRequested(String request) {
        this.status = Status.CHANGES_REQUESTED;
        this.changeRequest = request;
        this.reviewedAt = Time.now();
    }

    void assessed(String assessment, String note) {
        this.assessment = assessment;
        this.assessmentNote = note;
    }

    void changeOrder(String protocolNumber, String invoiceNumber) {
        this.changeOrderProtocol = protocolNumber;
        this.changeOrderInvoice = invoiceNumber;
    }

    public int getVersion() {
        return version;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public Status getStatus() {
        return status;
    }

    public String getChangeRequest() {
        return changeRequest;
    }

    String assessmentNoteOr(String none) {
        return assessmentNote == null || assessmentNote.isBlank() ? none : assessmentNote;
    }

    public String getAssessment() {
        return assessment;
    }

    public String getChangeOrderProtocol() {
        return changeOrderProtocol;
    }

    public String getChangeOrderInvoice() {
        return changeOrderInvoice;
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getTitle() {
        return title;
    }

    public StoredFile getOriginal() {
        return original;
    }

    public Previews.Kind getPreviewKind() {
        return previewKind;
    }

    /** Null when the file type is withheld until payment. */
    public StoredFile getPreview() {
        return preview;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}

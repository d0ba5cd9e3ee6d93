package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a meeting protocol (seed 000 marker 6: an agreement not on paper does not exist). Once anyone has
 * signed a version its content never changes: an edit is a new version, and the old one's signatures are void.
 */
@Entity
public class Protocol {

    public enum Status {
        /** Open for signatures. */
        SIGNING,
        /** Signed by both sides: final. */
        SIGNED,
        /** Replaced by a newer version. */
        SUPERSEDED,
        /** The engagement ended before both sides signed: never in force. */
        UNSIGNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long engagementId;
    private String number;
    private int version;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate meetingDate;
    private String participants;
    private String decisions;
    private String openQuestions;
    private String contentSha256;
    private String createdBy;
    private Instant createdAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "protocol_id", nullable = false)
    @OrderBy("position")
    private List<ProtocolAgreement> agreements = new ArrayList<>();

    protected Protocol() {
    }

    Protocol(Long engagementId, String number, int version, ProtocolContent content, String createdBy) {
        this.engagementId = engagementId;
        this.number = number;
        this.version = version;
        this.status = Status.SIGNING;
        this.createdBy = createdBy;
        this.createdAt = Time.now();
        replace(content);
    }

    /** Only a version nobody has signed yet may be changed in place. */
    void replace(ProtocolContent content) {
        this.meetingDate = content.meetingDate();
        this.participants = String.join("\n", content.participants());
        this.decisions = String.join("\n", content.decisions());
        this.openQuestions = String.join("\n", content.openQuestions());
        this.agreements.clear();
        int position = 0;
        for (ProtocolContent.Agreement a : content.agreements()) {
            this.agreements.add(new ProtocolAgreement(++position, a.owedBy(), a.what(), a.dueDate()));
        }
        this.contentSha256 = content.sha256(number, version);
    }

    /** The content as stored now; its hash tells whether the row was changed behind the application's back. */
    public ProtocolContent content() {
        return new ProtocolContent(meetingDate, lines(participants), lines(decisions),
                agreements.stream().map(a -> new ProtocolContent.Agreement(a.getOwedBy(), a.getWhat(), a.getDueDate())).toList(),
                lines(openQuestions));
    }

    void signedByBoth() {
        this.status = Status.SIGNED;
    }

    void supersede() {
        this.status = Status.SUPERSEDED;
    }

    /** Only a version still open for signatures; a signed one stays signed, a superseded one superseded. */
    void closeUnsigned() {
        if (status == Status.SIGNING) {
            this.status = Status.UNSIGNED;
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getNumber() {
        return number;
    }

    public int getVersion() {
        return version;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ProtocolAgreement> getAgreements() {
        return agreements;
    }
}

package com.engagementorchestrator.materials;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What the client sent for one item in one round; every round is kept, nothing is overwritten. */
@Entity
public class MaterialSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private int round;
    private String answer;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String sha256;
    private byte[] content;
    private String submittedBy;
    private Instant submittedAt;

    protected MaterialSubmission() {
    }

    MaterialSubmission(Long itemId, int round, String answer, String fileName, String contentType, byte[] content,
                       String sha256, String submittedBy) {
        this.itemId = itemId;
        this.round = round;
        this.answer = answer;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content == null ? null : (long) content.length;
        this.sha256 = sha256;
        this.submittedBy = submittedBy;
        this.submittedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public int getRound() {
        return round;
    }

    public String getAnswer() {
        return answer;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}

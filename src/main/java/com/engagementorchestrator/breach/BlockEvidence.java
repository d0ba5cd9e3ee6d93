package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What a blocked client sent to have the block lifted: an explanation and, often, a document. */
@Entity
public class BlockEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long blockId;
    private String note;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String sha256;
    private byte[] content;
    private String providedBy;
    private Instant providedAt;

    protected BlockEvidence() {
    }

    BlockEvidence(Long blockId, String note, String fileName, String contentType, byte[] content, String sha256,
                  String providedBy) {
        this.blockId = blockId;
        this.note = note;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content == null ? null : (long) content.length;
        this.sha256 = sha256;
        this.providedBy = providedBy;
        this.providedAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public Long getBlockId() {
        return blockId;
    }

    public String getNote() {
        return note;
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

    public byte[] getContent() {
        return content;
    }

    public String getProvidedBy() {
        return providedBy;
    }

    public Instant getProvidedAt() {
        return providedAt;
    }
}

package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.StoredFile;
import jakarta.persistence.Embedded;
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
    @Embedded
    private StoredFile file;
    private String providedBy;
    private Instant providedAt;

    protected BlockEvidence() {
    }

    BlockEvidence(Long blockId, String note, StoredFile file, String providedBy) {
        this.blockId = blockId;
        this.note = note;
        this.file = file;
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





    /** The document sent with the explanation, or null. */
    public StoredFile getFile() {
        return file;
    }

    public String getProvidedBy() {
        return providedBy;
    }

    public Instant getProvidedAt() {
        return providedAt;
    }
}

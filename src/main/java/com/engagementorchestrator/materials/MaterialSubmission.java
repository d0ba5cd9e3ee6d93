package com.engagementorchestrator.materials;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.StoredFile;
import jakarta.persistence.Embedded;
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
    @Embedded
    private StoredFile file;
    private String submittedBy;
    private Instant submittedAt;

    protected MaterialSubmission() {
    }

    MaterialSubmission(Long itemId, int round, String answer, StoredFile file, String submittedBy) {
        this.itemId = itemId;
        this.round = round;
        this.answer = answer;
        this.file = file;
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






    /** The file sent for the item, or null for an answer only. */
    public StoredFile getFile() {
        return file;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}

package com.engagementorchestrator.common;

import jakarta.persistence.Embeddable;

/** An uploaded file as stored: name, type detected from the bytes, size, SHA-256 and the bytes themselves. */
@Embeddable
public class StoredFile {

    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String sha256;
    private byte[] content;

    protected StoredFile() {
    }

    public StoredFile(UploadedFiles.Checked checked) {
        this.fileName = checked.fileName();
        this.contentType = checked.contentType();
        this.content = checked.content();
        this.sizeBytes = (long) checked.content().length;
        this.sha256 = checked.sha256();
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
}

package com.engagementorchestrator.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/** Checks an uploaded file by its bytes (magic numbers, never its name) and size, and fingerprints it. */
@Component
public class UploadedFiles {

    public static final Set<String> DOCUMENTS = Set.of("application/pdf", "image/jpeg", "image/png");

    private final Tika tika = new Tika();

    /** A file that passed the checks. */
    public record Checked(String fileName, String contentType, byte[] content, String sha256) {
    }

    public Checked check(String field, String fileName, byte[] content, long maxBytes, Set<String> accepted,
                         String acceptedLabel) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "choose a file to upload (" + acceptedLabel + ")");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(field, "the file has %d bytes; at most %d MB (%d bytes) are accepted"
                    .formatted(content.length, maxBytes / (1024 * 1024), maxBytes));
        }
        String type = tika.detect(content);
        if (accepted != null && !accepted.contains(type)) {
            throw new InvalidInputException(field, "the file's content is " + type + ", whatever its name says; only "
                    + acceptedLabel + " are accepted");
        }
        return new Checked(fileName == null || fileName.isBlank() ? "document" : fileName, type, content, sha256(content));
    }

    public static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

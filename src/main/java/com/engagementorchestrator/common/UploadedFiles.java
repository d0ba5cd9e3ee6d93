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
        return new Checked(cleanName(fileName), type, content, sha256(content));
    }

    static final int MAX_NAME_LENGTH = 120;

    /**
     * The name a file is kept and offered for download under: the client's name without any path, control characters
     * (NUL, CR, LF: unstorable, or header-splitting on download), invisible formatting characters (a right-to-left
     * override disguises an extension) or characters file systems refuse, at most {@value #MAX_NAME_LENGTH} characters
     * with its extension kept.
     */
    public static String cleanName(String fileName) {
        if (fileName == null) {
            return "document";
        }
        String name = fileName.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\"<>:|?*]", "_").strip().replaceFirst("^[.\\s]+", "");
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String base = extension.isEmpty() ? name : name.substring(0, dot);
            base = base.substring(0, base.offsetByCodePoints(0, MAX_NAME_LENGTH - extension.length()));
            name = base + extension;
        }
        return name.isBlank() ? "document" : name;
    }

    /** A Content-Disposition that is safe whatever the stored name (older uploads were not cleaned): UTF-8 filename*. */
    public static String attachment(String fileName) {
        return org.springframework.http.ContentDisposition.attachment()
                .filename(cleanName(fileName), java.nio.charset.StandardCharsets.UTF_8).build().toString();
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

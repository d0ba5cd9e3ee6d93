package com.engagementorchestrator.deposit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** HMAC-SHA256 over the raw request body with the shared secret, hex in the header (optionally "sha256=..."). */
@Component
public class WebhookSignature {

    public static final String HEADER = "X-Signature";

    private final byte[] secret;

    public WebhookSignature(@Value("${engagement.payments.webhook-secret:}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isConfigured() {
        return secret.length > 0;
    }

    public boolean matches(byte[] body, String header) {
        if (!isConfigured() || header == null || header.isBlank()) {
            return false;
        }
        String given = header.trim().toLowerCase();
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        // constant time, so the signature cannot be guessed byte by byte
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

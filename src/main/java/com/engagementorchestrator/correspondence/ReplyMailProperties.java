package com.engagementorchestrator.correspondence;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where clients' replies go and how they are read back. Every letter carries {@code Reply-To: address}, plus-addressed
 * with the engagement number ({@code replies+ENG-2026-000003@…}) when {@code plusAddressing} is on; the mailbox is read
 * over IMAP every {@code pollInterval} when {@code imap.host} is set (empty: replies are not read).
 */
@ConfigurationProperties("engagement.replies")
public record ReplyMailProperties(String address, Boolean plusAddressing, Duration pollInterval, Imap imap,
                                  Integer maxBodyChars, DataSize maxMessageSize, Integer maxMessagesPerPoll) {

    /** The body column holds 10000 characters; a cut body gets a short note. */
    static final int BODY_COLUMN = 10_000;

    public ReplyMailProperties {
        address = address == null || address.isBlank() ? "replies@engagement-orchestrator.local" : address.trim();
        if (!address.matches("[^@\\s+]+@[^@\\s]+")) {
            throw new IllegalArgumentException("engagement.replies.address must be a plain address without '+', like "
                    + "replies@example.com, got " + address);
        }
        plusAddressing = plusAddressing == null || plusAddressing;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        imap = imap == null ? new Imap(null, null, null, null, null, null, null, null) : imap;
        maxBodyChars = maxBodyChars == null ? 8_000 : maxBodyChars;
        if (maxBodyChars < 100 || maxBodyChars > BODY_COLUMN - 200) {
            throw new IllegalArgumentException("engagement.replies.max-body-chars must be between 100 and "
                    + (BODY_COLUMN - 200) + ", got " + maxBodyChars);
        }
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(10) : maxMessageSize;
        maxMessagesPerPoll = maxMessagesPerPoll == null ? 50 : maxMessagesPerPoll;
    }

    /** The IMAP account of the reply mailbox. */
    public record Imap(String host, Integer port, String protocol, String username, String password, String folder,
                       Duration connectTimeout, Duration readTimeout) {

        public Imap {
            host = host == null ? "" : host.trim();
            protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.trim().toLowerCase(Locale.ROOT);
            if (!protocol.equals("imap") && !protocol.equals("imaps")) {
                throw new IllegalArgumentException("engagement.replies.imap.protocol must be imap or imaps, got " + protocol);
            }
            port = port == null ? (protocol.equals("imaps") ? 993 : 143) : port;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }

        public boolean configured() {
            return !host.isEmpty();
        }
    }

    String localPart() {
        return address.substring(0, address.indexOf('@'));
    }

    String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** The Reply-To of a letter: the mailbox, plus-addressed with the thread's token when there is one. */
    String replyAddress(String token) {
        return plusAddressing && token != null && !token.isBlank() ? localPart() + "+" + token + "@" + domain() : address;
    }

    /** A fresh, globally unique Message-ID in our domain. */
    String newMessageId() {
        return "<" + UUID.randomUUID() + ".letter@" + domain() + ">";
    }
}

package com.engagementorchestrator.correspondence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores replies in the correspondence log, once per Message-ID, on the engagement they answer: first the letter named
 * by In-Reply-To/References (its Message-ID is ours), then the token of the plus-address it was sent to, then the
 * engagement number in its subject. The sender must be that engagement's client, or the reply is kept as UNVERIFIED
 * (never as the client's word); a reply that names no engagement is kept as UNMATCHED.
 */
@Service
public class InboundReplies {

    private final CorrespondenceLog log;
    private final ReplyThreads threads;
    private final ReplyMailProperties properties;
    private final ApplicationEventPublisher events;

    public InboundReplies(CorrespondenceLog log, ReplyThreads threads, ReplyMailProperties properties,
                          ApplicationEventPublisher events) {
        this.log = log;
        this.threads = threads;
        this.properties = properties;
        this.events = events;
    }

    /** Stores the reply unless a reply with its Message-ID is stored already; answers the stored one either way. */
    @Transactional
    public Correspondence store(IncomingMail mail) {
        String dedupKey = dedupKey(mail.messageId());
        Optional<Correspondence> stored = log.findByDedupKey(dedupKey);
        if (stored.isPresent()) {
            return stored.get();
        }
        Correspondence letter = answeredLetter(mail.references()).orElse(null);
        Optional<ReplyThreads.Thread> thread = letter != null && letter.getEngagementId() != null
                ? threads.ofEngagement(letter.getEngagementId()) : Optional.empty();
        if (thread.isEmpty()) {
            thread = mail.recipients().stream().map(this::plusToken).flatMap(Optional::stream)
                    .map(threads::find).flatMap(Optional::stream).findFirst();
        }
        if (thread.isEmpty()) {
            thread = threads.find(mail.subject());
        }
        Correspondence.Status status = thread.isEmpty() ? Correspondence.Status.UNMATCHED
                : thread.get().clientEmail().equalsIgnoreCase(mail.sender()) ? Correspondence.Status.RECEIVED
                : Correspondence.Status.UNVERIFIED;
        Long engagementId = thread.map(ReplyThreads.Thread::engagementId).orElse(null);
        // A letter of another engagement than the one the reply is filed under is not what it answers.
        Long answersId = letter != null && java.util.Objects.equals(letter.getEngagementId(), engagementId) ? letter.getId() : null;
        String mailbox = mail.recipients().stream().filter(this::isOurs).findFirst().orElse(properties.address());
        Correspondence reply = log.save(Correspondence.inbound(dedupKey, engagementId, status, mailbox, mail.sender(),
                MailText.clip(mail.messageId(), 990), answersId, mail.subject(), mail.text(), mail.receivedAt()));
        events.publishEvent(new ReplyStored(reply.getId(), engagementId, status));
        return reply;
    }

    /** A moderator read the reply, with an optional internal note. */
    @Transactional
    public Correspondence markRead(long correspondenceId, String by, String note) {
        Correspondence reply = log.findById(correspondenceId).filter(Correspondence::isInbound).orElseThrow();
        reply.markRead(by, note == null || note.isBlank() ? null : MailText.clip(note.strip(), 3900));
        return reply;
    }

    @Transactional(readOnly = true)
    public Correspondence get(long correspondenceId) {
        return log.findById(correspondenceId).orElseThrow();
    }

    private Optional<Correspondence> answeredLetter(List<String> references) {
        if (references.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Correspondence> letters = log.findByDirectionAndMessageIdIn(Correspondence.Direction.OUTBOUND, references)
                .stream().collect(Collectors.toMap(Correspondence::getMessageId, Function.identity(), (a, b) -> a));
        return references.stream().map(letters::get).filter(java.util.Objects::nonNull).findFirst();
    }

    private boolean isOurs(String recipient) {
        String local = properties.localPart().toLowerCase(Locale.ROOT);
        String domain = "@" + properties.domain().toLowerCase(Locale.ROOT);
        return recipient.endsWith(domain) && (recipient.startsWith(local + "@") || recipient.startsWith(local + "+"));
    }

    private Optional<String> plusToken(String recipient) {
        if (!isOurs(recipient)) {
            return Optional.empty();
        }
        int plus = recipient.indexOf('+');
        return plus < 0 ? Optional.empty() : Optional.of(recipient.substring(plus + 1, recipient.lastIndexOf('@')));
    }

    /** Inbound dedup keys are the Message-ID, hashed when it would not fit the column. */
    static String dedupKey(String messageId) {
        String key = "reply/" + messageId;
        if (key.length() <= 200) {
            return key;
        }
        try {
            return "reply/sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

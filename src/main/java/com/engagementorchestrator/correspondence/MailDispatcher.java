package com.engagementorchestrator.correspondence;

import com.engagementorchestrator.common.Time;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends logged messages through Spring Mail, on a thread of its own (never the scheduler's: a stalled relay delays no
 * sweep). Sending happens only after the recording transaction committed, so a rolled-back job never sends.
 * <p>
 * Each letter goes out at least once and, short of a crash between SMTP's acceptance and "mark SENT", exactly once:
 * <ul>
 * <li>a send claims the row (SENDING) with a lease; a failed send puts it back to PENDING for the retry sweep;</li>
 * <li>a letter SMTP accepted but the database could not mark SENT is remembered and marked by the next sweep, never
 *     sent again by this node;</li>
 * <li>a row left SENDING past its lease (the node died, or lost the database before it could release the row) is
 *     claimed again and resent with its stored Message-ID, by which the receiver can drop the duplicate.</li>
 * </ul>
 * SMTP has connect, read and write timeouts ({@code spring.mail.properties.mail.smtp.*}). After a relay failure
 * (timeout, refused connection, failed log-in) letters are left to the sweep, which tries one letter per round until
 * the relay answers again and then sends all that wait.
 */
@Component
public class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 500;

    private final CorrespondenceLog log;
    private final JavaMailSender mailSender;
    private final String from;
    private final Duration retryAfter;
    private final Duration lease;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    /** Letters SMTP accepted whose "mark SENT" failed: marked by the next sweep, never sent again from here. */
    private final Set<Long> acceptedUnmarked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile RelayFailure relayFailure;

    /** The relay's last failure (cleared by its next success). */
    record RelayFailure(Instant since, String error) {
    }

    @Autowired
    public MailDispatcher(CorrespondenceLog log, ObjectProvider<JavaMailSender> mailSender,
                          @Value("${engagement.mail.from}") String from,
                          @Value("${engagement.mail.retry-after:PT30S}") Duration retryAfter,
                          @Value("${engagement.mail.lease:PT5M}") Duration lease) {
        this(log, mailSender.getIfAvailable(), from, retryAfter, lease);
    }

    MailDispatcher(CorrespondenceLog log, JavaMailSender mailSender, String from, Duration retryAfter, Duration lease) {
        this.log = log;
        this.mailSender = mailSender;
        this.from = from;
        this.retryAfter = retryAfter;
        this.lease = lease;
    }

    boolean canSend() {
        return mailSender != null;
    }

    Optional<RelayFailure> relayFailure() {
        return Optional.ofNullable(relayFailure);
    }

    int acceptedButUnmarked() {
        return acceptedUnmarked.size();
    }

    void sendAfterCommit(Long correspondenceId) {
        if (!canSend()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendSoon(correspondenceId);
                }
            });
        } else {
            sendSoon(correspondenceId);
        }
    }

    private void sendSoon(Long id) {
        sender.execute(() -> {
            // While the relay fails, a new letter waits for the sweep instead of costing another timeout.
            if (relayFailure == null) {
                trySend(id);
            }
        });
    }

    /** The retry sweep: only hands the work to the dispatcher's thread, so the scheduler's thread never waits on SMTP. */
    @Scheduled(fixedDelayString = "${engagement.mail.retry-interval-ms:30000}", initialDelay = 30000)
    void retryPending() {
        if (canSend() && sweeping.compareAndSet(false, true)) {
            try {
                sender.execute(() -> {
                    try {
                        sweep();
                    } finally {
                        sweeping.set(false);
                    }
                });
            } catch (RuntimeException e) {
                sweeping.set(false);
                throw e;
            }
        }
    }

    private void sweep() {
        try {
            markAccepted();
            Instant now = Time.now();
            List<Long> due = log.findDueIds(now.minus(retryAfter), now, PageRequest.of(0, BATCH));
            for (Long id : due) {
                if (trySend(id) == Outcome.RELAY_FAILED) {
                    break; // one probe per round while the relay fails; the rest wait for the next round
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail retry sweep stopped, the next one continues: {}", e.toString());
        }
    }

    /** Marks the letters SMTP accepted while the database could not record it. */
    private void markAccepted() {
        for (Long id : List.copyOf(acceptedUnmarked)) {
            log.markSent(id, Time.now());
            acceptedUnmarked.remove(id);
        }
    }

    enum Outcome { SENT, NOT_CLAIMED, FAILED, RELAY_FAILED }

    Outcome trySend(Long id) {
        if (acceptedUnmarked.contains(id)) {
            return Outcome.NOT_CLAIMED;
        }
        Correspondence message;
        try {
            Instant now = Time.now();
            if (log.claim(id, now, now.plus(lease)) != 1) {
                return Outcome.NOT_CLAIMED;
            }
            // Should this fail, the row stays SENDING and is recovered when its lease ends.
            message = log.findById(id).orElseThrow();
        } catch (RuntimeException e) {
            LOG.warn("Message {} not claimed now (database), the sweep retries: {}", id, e.toString());
            return Outcome.FAILED;
        }
        try {
            mailSender.send(mime(message));
        } catch (RuntimeException | MessagingException e) {
            boolean relay = isRelayFailure(e);
            if (relay) {
                relayFailure = new RelayFailure(relayFailure == null ? Time.now() : relayFailure.since(), e.toString());
            }
            LOG.warn("Sending message {} to {} failed, will retry: {}", id, message.getRecipient(), e.toString());
            try {
                log.release(id, abbreviate(String.valueOf(e.getMessage())));
            } catch (RuntimeException dbDown) {
                LOG.warn("Message {} not released (database), recovered when its lease ends: {}", id, dbDown.toString());
            }
            return relay ? Outcome.RELAY_FAILED : Outcome.FAILED;
        }
        relayFailure = null;
        acceptedUnmarked.add(id);
        try {
            log.markSent(id, Time.now());
            acceptedUnmarked.remove(id);
        } catch (RuntimeException e) {
            LOG.warn("Message {} was sent but not marked SENT (database); the next sweep marks it: {}", id, e.toString());
        }
        return Outcome.SENT;
    }

    private MimeMessage mime(Correspondence message) throws MessagingException {
        MimeMessage mail = mailSender.createMimeMessage();
        MimeMessageHelper letter = new MimeMessageHelper(mail, false, "UTF-8");
        letter.setFrom(from);
        letter.setTo(message.getRecipient());
        if (message.getReplyTo() != null) {
            letter.setReplyTo(message.getReplyTo());
        }
        letter.setSubject(message.getSubject());
        letter.setText(message.getBody());
        if (message.getMessageId() != null) {
            // Kept by JavaMailSenderImpl when it saves the message: replies name it in In-Reply-To, and a resent
            // letter carries the same id (the receiver can drop the duplicate).
            mail.setHeader("Message-ID", message.getMessageId());
        }
        return mail;
    }

    /** A failure of the relay itself (no connection, timeout, log-in refused), not of one letter (an address refused). */
    private static boolean isRelayFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MailAuthenticationException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof MailSendException send) {
                for (Exception each : send.getMessageExceptions()) {
                    if (each != t && isRelayFailure(each)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}

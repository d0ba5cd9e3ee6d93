package com.engagementorchestrator.correspondence;

import com.engagementorchestrator.common.Time;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends logged messages through Spring Mail. Sending happens only after the recording transaction committed, so a
 * rolled-back job never sends; a failed send stays PENDING and is retried by the scheduler, so nothing is lost.
 */
@Component
public class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final CorrespondenceLog log;
    private final JavaMailSender mailSender;
    private final String from;
    private final Duration retryAfter;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    public MailDispatcher(CorrespondenceLog log, ObjectProvider<JavaMailSender> mailSender,
                          @Value("${engagement.mail.from}") String from,
                          @Value("${engagement.mail.retry-after:PT30S}") Duration retryAfter) {
        this.log = log;
        this.mailSender = mailSender.getIfAvailable();
        this.from = from;
        this.retryAfter = retryAfter;
    }

    boolean canSend() {
        return mailSender != null;
    }

    void sendAfterCommit(Long correspondenceId) {
        if (!canSend()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.execute(() -> trySend(correspondenceId));
                }
            });
        } else {
            sender.execute(() -> trySend(correspondenceId));
        }
    }

    @Scheduled(fixedDelayString = "${engagement.mail.retry-interval-ms:60000}", initialDelay = 30000)
    void retryPending() {
        if (canSend()) {
            log.findPendingIdsCreatedBefore(Time.now().minus(retryAfter)).forEach(this::trySend);
        }
    }

    void trySend(Long id) {
        if (log.claim(id) != 1) {
            return;
        }
        Correspondence message = log.findById(id).orElseThrow();
        try {
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
                // Kept by JavaMailSenderImpl when it saves the message: replies name it in In-Reply-To.
                mail.setHeader("Message-ID", message.getMessageId());
            }
            mailSender.send(mail);
            log.markSent(id, Time.now());
        } catch (RuntimeException | MessagingException e) {
            LOG.warn("Sending message {} to {} failed, will retry: {}", id, message.getRecipient(), e.getMessage());
            log.release(id, String.valueOf(e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}

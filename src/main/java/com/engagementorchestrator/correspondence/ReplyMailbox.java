package com.engagementorchestrator.correspondence;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads clients' replies from the reply mailbox over IMAP (Jakarta Mail, which spring-boot-starter-mail brings) on a
 * thread of its own, never the shared {@code @Scheduled} thread the sweeps use: a slow mail server delays nothing
 * else. Each poll connects with connect and read timeouts, reads the unseen messages without marking them (IMAP
 * PEEK), stores each one (once per Message-ID, whatever happened before) and only then marks it seen. A poll that
 * fails is logged and simply tried again at the next interval; a message that cannot be stored stays unseen and is
 * tried again too.
 */
@Component
public class ReplyMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyMailbox.class);

    /** What one poll did: whether the mailbox was reached, how many messages were stored (or found stored), failed. */
    public record Poll(boolean reached, int stored, int failed, String problem) {
    }

    private final ReplyMailProperties properties;
    private final InboundReplies replies;
    private final MailText reader;
    private ScheduledExecutorService scheduler;

    public ReplyMailbox(ReplyMailProperties properties, InboundReplies replies) {
        this.properties = properties;
        this.replies = replies;
        this.reader = new MailText(properties.maxBodyChars(), properties.maxMessageSize().toBytes());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.imap().configured()) {
            LOG.info("No reply mailbox configured (engagement.replies.imap.host): clients' replies to {} are not read",
                    properties.address());
            return;
        }
        long every = properties.pollInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "reply-mailbox");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Reading replies from {}://{}:{}/{} every {}", properties.imap().protocol(), properties.imap().host(),
                properties.imap().port(), properties.imap().folder(), properties.pollInterval());
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** The scheduled task: an exception would cancel every later run, so nothing escapes. */
    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException | Error e) {
            LOG.error("Polling the reply mailbox failed unexpectedly; trying again in {}", properties.pollInterval(), e);
        }
    }

    /** One poll of the mailbox, now, on the caller's thread (the scheduler's, or a test's). Never throws. */
    public synchronized Poll poll() {
        ReplyMailProperties.Imap imap = properties.imap();
        if (!imap.configured()) {
            return new Poll(false, 0, 0, "not configured");
        }
        int stored = 0;
        int failed = 0;
        try (Store store = Session.getInstance(sessionProperties(imap)).getStore(imap.protocol())) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, properties.maxMessagesPerPoll()))) {
                    try {
                        replies.store(reader.read(message));
                        message.setFlag(Flags.Flag.SEEN, true);
                        stored++;
                    } catch (Exception e) {
                        failed++;
                        LOG.warn("Reply {} in the reply mailbox could not be stored; it stays unseen and is tried again: {}",
                                message.getMessageNumber(), e.toString());
                    }
                }
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("The reply mailbox {}:{} could not be read ({}); trying again in {}", imap.host(), imap.port(),
                    e.toString(), properties.pollInterval());
            return new Poll(false, stored, failed, e.toString());
        }
        return new Poll(true, stored, failed, null);
    }

    private static Properties sessionProperties(ReplyMailProperties.Imap imap) {
        String p = "mail." + imap.protocol() + ".";
        Properties session = new Properties();
        session.put("mail.store.protocol", imap.protocol());
        session.put(p + "connectiontimeout", String.valueOf(imap.connectTimeout().toMillis()));
        session.put(p + "timeout", String.valueOf(imap.readTimeout().toMillis()));
        // Reading a message must not mark it seen: only a stored reply is marked.
        session.put(p + "peek", "true");
        if (imap.protocol().equals("imaps")) {
            session.put(p + "ssl.checkserveridentity", "true");
        }
        return session;
    }
}

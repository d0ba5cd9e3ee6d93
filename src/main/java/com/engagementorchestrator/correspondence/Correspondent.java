package com.engagementorchestrator.correspondence;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every message to a client into the correspondence log, then hands it to the mail dispatcher once the
 * surrounding transaction commits. A message is identified by a dedup key, so a retried job that repeats the
 * call records and sends it only once. Each letter gets its own Message-ID and a Reply-To naming its engagement, so
 * the client's reply finds its way back (see {@link InboundReplies}).
 */
@Service
public class Correspondent {

    private final CorrespondenceLog log;
    private final MailDispatcher dispatcher;
    private final MessageSource templates;
    private final ReplyMailProperties replies;
    private final ReplyThreads threads;

    public Correspondent(CorrespondenceLog log, MailDispatcher dispatcher, ReplyMailProperties replies, ReplyThreads threads) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.threads = threads;
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/correspondence");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        this.templates = source;
    }

    /** A message about to go out: who gets it, in which language, from which template, with which arguments. */
    public record Letter(String dedupKey, Long engagementId, String recipient, String locale, String template,
                         Object... arguments) {
    }

    @Transactional
    public Correspondence send(Letter letter) {
        return log.findByDedupKey(letter.dedupKey()).orElseGet(() -> {
            Correspondence message = log.save(new Correspondence(letter.dedupKey(), letter.engagementId(),
                    letter.recipient(), letter.locale(), letter.template(),
                    render(letter.template() + ".subject", letter), render(letter.template() + ".body", letter),
                    dispatcher.canSend() ? Correspondence.Status.PENDING : Correspondence.Status.NOT_CONFIGURED)
                    .addressed(replies.newMessageId(), replies.replyAddress(
                            letter.engagementId() == null ? null : threads.tokenOf(letter.engagementId()).orElse(null))));
            dispatcher.sendAfterCommit(message.getId());
            return message;
        });
    }

    /** Whether a template key exists (an obligation may have its own wording for a step). */
    public boolean knows(String key) {
        return templates.getMessage(key, null, null, Locale.ROOT) != null;
    }

    /** Renders a fragment of a template (for example a hint paragraph) in the given language. */
    public String fragment(String key, String locale, Object... arguments) {
        Locale language = Locale.forLanguageTag(locale);
        return templates.getMessage(key, inLanguage(arguments, language), language);
    }

    private String render(String key, Letter letter) {
        Locale language = Locale.forLanguageTag(letter.locale());
        return templates.getMessage(key, inLanguage(letter.arguments(), language), language);
    }

    /** Arguments that depend on the language (amounts of money) are written in the letter's language. */
    private Object[] inLanguage(Object[] arguments, Locale language) {
        if (arguments == null) {
            return null;
        }
        Object[] written = arguments.clone();
        for (int i = 0; i < written.length; i++) {
            if (written[i] instanceof Money money) {
                String currency = templates.getMessage("currency." + money.currency(), null, money.currency(), language);
                written[i] = templates.getMessage("money", new Object[] {money.amount(), currency}, language);
            }
        }
        return written;
    }
}

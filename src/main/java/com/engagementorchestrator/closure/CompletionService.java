package com.engagementorchestrator.closure;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.correspondence.Money;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.ending.EngagementEnding;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.promise.Reliability;
import com.engagementorchestrator.protocol.Protocol;
import com.engagementorchestrator.protocol.ProtocolService;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a good engagement (DOMAIN.md step 7): paid in full, the originals released, COMPLETED with a summary of
 * its dates, payments, promises kept and broken, and protocols.
 */
@Service
@Transactional
public class CompletionService {


    private final EngagementLifecycle lifecycle;
    private final DepositService payments;
    private final PromiseLedger promises;
    private final ProtocolService protocols;
    private final ClientLetters letters;
    private final EngagementEnding ending;

    public CompletionService(EngagementLifecycle lifecycle, DepositService payments, PromiseLedger promises,
                             ProtocolService protocols, ClientLetters letters, EngagementEnding ending) {
        this.ending = ending;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.promises = promises;
        this.protocols = protocols;
        this.letters = letters;
    }

    public Engagement complete(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        // First, so that the summary accounts for every promise: none is left open.
        ending.endAllOf(engagementId, "the engagement completed, paid in full");
        lifecycle.complete(e, summary(e, RECORD_LANGUAGE));
        letters.write(e, "engagement.completed", "engagement-completed/" + e.getNumber(), summary(e, e.getClient().getLocale()));
        return e;
    }

    /** The language of the summary kept on the record; the client's letter has it in the client's own language. */
    static final String RECORD_LANGUAGE = "en";

    private String summary(Engagement e, String locale) {
        StringBuilder text = new StringBuilder();
        text.append(letters.fragment("summary.head", locale, e.getNumber(), Time.isoDate(e.getCreatedAt()),
                Time.isoDate(Time.now()))).append('\n');
        text.append(letters.fragment("summary.payments", locale)).append('\n');
        payments.invoices(e.getId()).forEach(i -> text.append(letters.fragment(
                i.getPaidAt() == null ? "summary.payment" : "summary.payment.paid", locale,
                letters.fragment("invoice.kind." + i.getKind().name(), locale), i.getNumber(),
                new Money(payments.paidSoFar(i), i.getCurrency()), new Money(i.getAmount(), i.getCurrency()),
                i.getPaidAt() == null ? null : Time.isoDate(i.getPaidAt()))).append('\n'));
        Reliability reliability = Reliability.of(promises.ofEngagement(e.getId()));
        text.append(letters.fragment("summary.promises", locale, reliability.kept(), reliability.broken(),
                reliability.renegotiated(), reliability.cancelled())).append('\n');
        String signed = protocols.ofEngagement(e.getId()).stream()
                .filter(p -> p.getStatus() == Protocol.Status.SIGNED)
                .map(p -> letters.fragment("summary.protocol", locale, p.getNumber(), p.getVersion(),
                        p.getContentSha256().substring(0, 12)))
                .collect(Collectors.joining(", "));
        text.append(signed.isEmpty() ? letters.fragment("summary.protocols.none", locale)
                : letters.fragment("summary.protocols", locale, signed)).append('\n');
        return text.toString();
    }
}

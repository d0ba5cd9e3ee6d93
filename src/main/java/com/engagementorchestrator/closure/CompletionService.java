package com.engagementorchestrator.closure;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
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

    public CompletionService(EngagementLifecycle lifecycle, DepositService payments, PromiseLedger promises,
                             ProtocolService protocols, ClientLetters letters) {
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.promises = promises;
        this.protocols = protocols;
        this.letters = letters;
    }

    public Engagement complete(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        String summary = summary(e);
        e.complete(summary);
        letters.write(e, "engagement.completed", "engagement-completed/" + e.getNumber(), summary);
        return e;
    }

    private String summary(Engagement e) {
        StringBuilder text = new StringBuilder();
        text.append("Engagement ").append(e.getNumber()).append(": registered ").append(Time.isoDate(e.getCreatedAt()))
                .append(", completed ").append(Time.isoDate(Time.now())).append('\n');
        text.append("Payments:\n");
        payments.invoices(e.getId()).forEach(i -> text.append("- ").append(i.getKind()).append(' ').append(i.getNumber())
                .append(": ").append(payments.paidSoFar(i).toPlainString()).append(" of ").append(i.getAmount().toPlainString())
                .append(' ').append(i.getCurrency()).append(i.getPaidAt() == null ? "" : ", paid " + Time.isoDate(i.getPaidAt()))
                .append('\n'));
        var record = promises.ofEngagement(e.getId());
        Reliability reliability = Reliability.of(record);
        text.append("Promises: ").append(reliability.kept()).append(" kept, ").append(reliability.broken()).append(" broken, ")
                .append(reliability.renegotiated()).append(" renegotiated\n");
        text.append("Protocols: ").append(protocols.ofEngagement(e.getId()).stream()
                .filter(p -> p.getStatus() == Protocol.Status.SIGNED)
                .map(p -> p.getNumber() + " v" + p.getVersion() + " (SHA-256 " + p.getContentSha256().substring(0, 12) + "…)")
                .collect(Collectors.joining(", "))).append('\n');
        return text.toString();
    }
}

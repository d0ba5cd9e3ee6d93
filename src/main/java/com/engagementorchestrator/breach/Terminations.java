package com.engagementorchestrator.breach;

import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.ending.EngagementEnding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends an engagement of a blocked client as TERMINATED. A prepayment, if one was paid, is retained, since the stop is
 * not our fault; the letter speaks of it only then.
 */
@Service
@Transactional
public class Terminations {

    /** Why its processes ended and its open promises were cancelled. */
    static final String REASON = "the engagement was terminated after a breach";

    private final EngagementLifecycle lifecycle;
    private final EngagementEnding ending;
    private final ClientLetters letters;
    private final Prepayments prepayments;

    public Terminations(EngagementLifecycle lifecycle, EngagementEnding ending, ClientLetters letters, Prepayments prepayments) {
        this.lifecycle = lifecycle;
        this.ending = ending;
        this.letters = letters;
        this.prepayments = prepayments;
    }

    public void close(long engagementId) {
        var prepaid = prepayments.paid(engagementId);
        Engagement e = lifecycle.close(engagementId, EngagementStatus.TERMINATED, prepaid.isPresent()
                ? "terminated after a breach; the prepayment of " + prepaid.get().amount().toPlainString() + " "
                        + prepaid.get().currency() + " is retained"
                : "terminated after a breach; no prepayment was paid");
        ending.endAllOf(engagementId, REASON);
        String locale = e.getClient().getLocale();
        letters.write(e, "engagement.terminated", "engagement-terminated/" + e.getNumber(), prepaid
                .map(paid -> letters.fragment("engagement.terminated.prepayment", locale, paid))
                .orElseGet(() -> letters.fragment("engagement.terminated.noPrepayment", locale)));
    }
}

package com.engagementorchestrator.breach;

import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.PromiseLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends an engagement of a blocked client as TERMINATED; the deposit is retained, since the stop is not our fault. */
@Service
@Transactional
public class Terminations {

    private final EngagementLifecycle lifecycle;
    private final PromiseLedger promises;
    private final ClientLetters letters;

    public Terminations(EngagementLifecycle lifecycle, PromiseLedger promises, ClientLetters letters) {
        this.lifecycle = lifecycle;
        this.promises = promises;
        this.letters = letters;
    }

    public void close(long engagementId) {
        Engagement e = lifecycle.close(engagementId, EngagementStatus.TERMINATED, "terminated after a breach; the deposit is retained");
        promises.cancelOpen(engagementId);
        letters.write(e, "engagement.terminated", "engagement-terminated/" + e.getNumber());
    }
}

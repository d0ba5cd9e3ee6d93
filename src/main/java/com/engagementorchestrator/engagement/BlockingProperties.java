package com.engagementorchestrator.engagement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Blocking after a breach: how long the overdue obligation gets once a block is lifted (its old date has passed, so
 * moving it by the blocked time would breach again at once), and how long a blocked client has to send evidence.
 */
@ConfigurationProperties("engagement.blocking")
public record BlockingProperties(Duration graceAfterLift, Duration evidenceWithin) {

    public BlockingProperties {
        graceAfterLift = graceAfterLift == null ? Duration.ofDays(7) : graceAfterLift;
        evidenceWithin = evidenceWithin == null ? Duration.ofDays(14) : evidenceWithin;
    }
}

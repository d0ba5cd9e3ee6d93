package com.engagementorchestrator.screening;

import com.engagementorchestrator.common.OnCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Screening verdicts (Prometheus: engagement_screening_verdicts_total{verdict, decided_by="rules"|"moderator",
 * override}): counted once the decision has committed.
 */
@Component
class ScreeningMetrics {

    static final String VERDICTS = "engagement.screening.verdicts";

    private final MeterRegistry registry;

    ScreeningMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Verdict verdict : new Verdict[] {Verdict.ACCEPT, Verdict.DECLINE}) {
            counter(verdict, "rules", false);
            counter(verdict, "moderator", false);
        }
    }

    void decidedByRules(Verdict verdict) {
        Counter counter = counter(verdict, "rules", false);
        OnCommit.run(counter::increment);
    }

    void decidedByModerator(Verdict verdict, boolean override) {
        Counter counter = counter(verdict, "moderator", override);
        OnCommit.run(counter::increment);
    }

    private Counter counter(Verdict verdict, String decidedBy, boolean override) {
        return Counter.builder(VERDICTS).description("Final screening verdicts, by the rules or by a moderator after the intro call")
                .tag("verdict", verdict.name()).tag("decided_by", decidedBy).tag("override", String.valueOf(override))
                .register(registry);
    }
}

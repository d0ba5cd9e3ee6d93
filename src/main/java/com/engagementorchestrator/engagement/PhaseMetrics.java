package com.engagementorchestrator.engagement;

import com.engagementorchestrator.common.OnCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Time spent in each phase, recorded when an engagement leaves it (Prometheus: engagement_phase_duration_seconds). */
@Component
public class PhaseMetrics {

    public static final String PHASE_DURATION = "engagement.phase.duration";

    private final MeterRegistry registry;

    public PhaseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void left(EngagementPhase phase, Duration spent) {
        // Phases last minutes to weeks: buckets from a minute to 90 days, so Grafana can take quantiles across nodes.
        Timer timer = Timer.builder(PHASE_DURATION).description("Time an engagement spent in a phase, recorded when it left")
                .tag("phase", phase.name()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1)).maximumExpectedValue(Duration.ofDays(90))
                .register(registry);
        OnCommit.run(() -> timer.record(spent));
    }
}

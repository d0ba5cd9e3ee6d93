package com.engagementorchestrator.registration;

import com.engagementorchestrator.common.OnCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Engagements opened (Prometheus: engagement_registrations_total{client="new"|"returning"}). */
@Component
class RegistrationMetrics {

    static final String REGISTRATIONS = "engagement.registrations";

    private final Counter newClients;
    private final Counter returningClients;

    RegistrationMetrics(MeterRegistry registry) {
        this.newClients = counter(registry, "new");
        this.returningClients = counter(registry, "returning");
    }

    private static Counter counter(MeterRegistry registry, String client) {
        return Counter.builder(REGISTRATIONS).description("Engagements opened: a new client's registration or a further engagement")
                .tag("client", client).register(registry);
    }

    void opened(boolean newClient) {
        OnCommit.run((newClient ? newClients : returningClients)::increment);
    }
}

package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.OnCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Breaches by kind and blocks placed and ended (Prometheus: engagement_breaches_total{kind},
 * engagement_blocks_placed_total, engagement_blocks_ended_total{outcome="LIFTED"|"TERMINATED"}), counted on commit.
 */
@Component
class BreachMetrics {

    static final String BREACHES = "engagement.breaches";
    static final String BLOCKS_PLACED = "engagement.blocks.placed";
    static final String BLOCKS_ENDED = "engagement.blocks.ended";

    private final MeterRegistry registry;
    private final Counter blocksPlaced;

    BreachMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.blocksPlaced = Counter.builder(BLOCKS_PLACED).description("Clients blocked after a breach").register(registry);
        ended(ClientBlock.Status.LIFTED);
        ended(ClientBlock.Status.TERMINATED);
    }

    void breached(String kind) {
        Counter counter = Counter.builder(BREACHES).description("Breaches recorded, by kind").tag("kind", kind).register(registry);
        OnCommit.run(counter::increment);
    }

    void blockPlaced() {
        OnCommit.run(blocksPlaced::increment);
    }

    void blockEnded(ClientBlock.Status outcome) {
        Counter counter = ended(outcome);
        OnCommit.run(counter::increment);
    }

    private Counter ended(ClientBlock.Status outcome) {
        return Counter.builder(BLOCKS_ENDED).description("Blocks a moderator lifted or ended by terminating the engagements")
                .tag("outcome", outcome.name()).register(registry);
    }
}

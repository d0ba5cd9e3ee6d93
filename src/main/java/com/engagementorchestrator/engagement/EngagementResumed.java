package com.engagementorchestrator.engagement;

import java.time.Duration;

/**
 * Published inside the transaction that lifts a block, for every engagement that was paused: features move their own
 * open due dates by the paused time (a breached one gets a new date through its process instead).
 */
public record EngagementResumed(long engagementId, Duration pausedFor, boolean breached) {
}

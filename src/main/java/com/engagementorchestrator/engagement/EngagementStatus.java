package com.engagementorchestrator.engagement;

/** Where an engagement stands as a whole. */
public enum EngagementStatus {
    ACTIVE, BLOCKED, DECLINED, EXPIRED, TERMINATED, COMPLETED;

    /** Still going, possibly paused while its client is blocked. */
    public boolean isRunning() {
        return this == ACTIVE || this == BLOCKED;
    }
}

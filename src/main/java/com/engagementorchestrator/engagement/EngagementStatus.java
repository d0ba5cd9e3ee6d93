package com.engagementorchestrator.engagement;

/** Where an engagement stands as a whole; later phases add BLOCKED, TERMINATED and COMPLETED. */
public enum EngagementStatus {
    ACTIVE, DECLINED, EXPIRED
}

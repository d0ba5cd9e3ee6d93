package com.engagementorchestrator.engagement;

/** The step of the lifecycle (DOMAIN.md) the engagement is in. */
public enum EngagementPhase {
    SCREENING, COMPANY_CHECK, SCREENING_REVIEW, SIGNING_AUTHORITY, AUTHORITY_VERIFICATION, DEPOSIT, BRIEF, MATERIALS,
    MATERIALS_REVIEW, WORK, FINAL_PAYMENT, CLOSED
}

package com.engagementorchestrator.screening;

/** The outcome of screening, decided by the screening-verdict DMN table or by a moderator. */
public enum Verdict {
    ACCEPT, REVIEW, DECLINE
}

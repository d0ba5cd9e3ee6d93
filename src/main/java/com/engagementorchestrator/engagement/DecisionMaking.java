package com.engagementorchestrator.engagement;

/** Who takes decisions on the client side (marker F3 looks at it). */
public enum DecisionMaking {
    SELF, NEEDS_APPROVAL, COMMITTEE
}

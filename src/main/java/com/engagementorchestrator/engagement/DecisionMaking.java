package com.engagementorchestrator.engagement;

/** Who takes decisions on the client side (marker F3 looks at it). */
public enum DecisionMaking {
    SELF("The client decides alone"),
    NEEDS_APPROVAL("The client needs approval"),
    COMMITTEE("A committee decides");

    private final String words;

    DecisionMaking(String words) {
        this.words = words;
    }

    /** What people read in forms and Tasklist instead of the code. */
    public String inWords() {
        return words;
    }
}

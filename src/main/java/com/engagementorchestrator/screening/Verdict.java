package com.engagementorchestrator.screening;

/** The outcome of screening, decided by the screening-verdict DMN table or by a moderator. */
public enum Verdict {
    ACCEPT("Accept"),
    REVIEW("Review: a moderator decides"),
    DECLINE("Decline");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** What people read in forms and Tasklist instead of the code. */
    public String inWords() {
        return words;
    }
}

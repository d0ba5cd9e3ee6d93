package com.engagementorchestrator.contact;

/** How the client prefers to be contacted, agreed at the intro call (seed 002: "Определить предпочтительные форматы контактов"). */
public enum ContactChannel {
    EMAIL("E-mail"),
    PHONE("Phone"),
    MESSENGER("Messenger"),
    VIDEO_CALL("Video call");

    private final String words;

    ContactChannel(String words) {
        this.words = words;
    }

    /** What people read in forms and Tasklist instead of the code. */
    public String inWords() {
        return words;
    }
}

package com.engagementorchestrator.engagement;

/** How the client first made contact (marker M1 looks at it). */
public enum FirstContactChannel {
    EMAIL("E-mail"),
    PHONE_CALL("Phone call"),
    VOICE_MESSAGE("Voice message"),
    MESSENGER_TEXT("Messenger text"),
    REFERRAL("Referral"),
    PLATFORM("Through a platform");

    private final String words;

    FirstContactChannel(String words) {
        this.words = words;
    }

    /** What people read in forms and Tasklist instead of the code. */
    public String inWords() {
        return words;
    }
}

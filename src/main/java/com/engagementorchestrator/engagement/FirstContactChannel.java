package com.engagementorchestrator.engagement;

/** How the client first made contact (marker M1 looks at it). */
public enum FirstContactChannel {
    EMAIL, PHONE_CALL, VOICE_MESSAGE, MESSENGER_TEXT, REFERRAL, PLATFORM
}

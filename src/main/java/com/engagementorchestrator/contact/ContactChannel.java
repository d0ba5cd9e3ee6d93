package com.engagementorchestrator.contact;

/** How the client prefers to be contacted, agreed at the intro call (seed 002: "Определить предпочтительные форматы контактов"). */
public enum ContactChannel {
    EMAIL, PHONE, MESSENGER, VIDEO_CALL
}

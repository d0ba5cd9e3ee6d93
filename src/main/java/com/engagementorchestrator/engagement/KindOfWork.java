package com.engagementorchestrator.engagement;

/** What the client orders; it selects the default brief (processes/brief-defaults.dmn). */
public enum KindOfWork {
    WEBSITE, DESIGN, COPYWRITING, MARKETING, OTHER
}

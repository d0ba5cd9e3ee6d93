package com.engagementorchestrator.screening;

/** How far the company check (marker M5) has come. */
public enum CompanyCheck {
    PENDING, REGISTRY, MANUAL
}

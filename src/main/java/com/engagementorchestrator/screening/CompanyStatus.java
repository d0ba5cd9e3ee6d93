package com.engagementorchestrator.screening;

/** Legal state of a company, as company registries such as DaData report it, plus NOT_FOUND. */
public enum CompanyStatus {
    ACTIVE, LIQUIDATING, LIQUIDATED, BANKRUPT, REORGANIZING, NOT_FOUND
}

package com.engagementorchestrator.screening;

/** What a company check found: the legal state and the court cases over debts and bankruptcy. */
public record CompanyFacts(CompanyStatus status, int debtCases, int bankruptcyCases, String notes) {

    public static CompanyFacts notFound() {
        return new CompanyFacts(CompanyStatus.NOT_FOUND, 0, 0, "not found in the company registry");
    }
}

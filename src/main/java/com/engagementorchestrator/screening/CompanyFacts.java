package com.engagementorchestrator.screening;

/**
 * What a company check found: the legal state, the court cases over debts and bankruptcy, and (a manual check only)
 * whether reviews show the company breaking its obligations to clients.
 */
public record CompanyFacts(CompanyStatus status, int debtCases, int bankruptcyCases, boolean reviewsShowBrokenObligations,
                           String notes) {

    public CompanyFacts(CompanyStatus status, int debtCases, int bankruptcyCases, String notes) {
        this(status, debtCases, bankruptcyCases, false, notes);
    }

    public static CompanyFacts notFound() {
        return new CompanyFacts(CompanyStatus.NOT_FOUND, 0, 0, "not found in the company registry");
    }
}

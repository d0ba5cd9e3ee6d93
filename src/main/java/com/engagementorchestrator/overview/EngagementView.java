package com.engagementorchestrator.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** GET /api/engagements/{number}: where an engagement stands and why. */
record EngagementView(String number, String status, String phase, String closeReason, Instant createdAt,
                      Instant closedAt, ClientView client, ProjectView project, ScreeningView screening,
                      AuthorityView authority) {

    record ClientView(Long id, String fullName, String email, String companyName, String registrationNumber,
                      String country, String industry) {
    }

    record ProjectView(String description, String goal, BigDecimal budgetAmount, String budgetCurrency,
                       LocalDate desiredDeadline) {
    }

    record ScreeningView(int score, String verdict, String ruleVerdict, String companyCheck, String companyStatus,
                         List<MarkerView> markers, String overrideReason, String reviewedBy) {
    }

    record MarkerView(String id, int weight, String reason) {
    }

    record AuthorityView(int attempts, int maxAttempts, List<DocumentView> documents) {
    }

    record DocumentView(Long id, int attempt, String fileName, String contentType, long sizeBytes, String decision,
                        String rejectionReason, Instant uploadedAt, String url) {
    }
}

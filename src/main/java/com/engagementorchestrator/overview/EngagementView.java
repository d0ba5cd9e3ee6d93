package com.engagementorchestrator.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** GET /api/engagements/{number}: where an engagement stands and why. */
record EngagementView(String number, String status, String phase, String closeReason, String kindOfWork, Instant createdAt,
                      Instant closedAt, ClientView client, ProjectView project, ScreeningView screening,
                      AuthorityView authority, List<InvoiceView> invoices, BriefView brief, List<PromiseView> promises,
                      List<BreachView> breaches, ContactView contact, List<CorrespondenceView> correspondence,
                      List<ProtocolView> protocols) {

    record ClientView(Long id, String fullName, String email, String companyName, String registrationNumber,
                      String country, String industry) {
    }

    record ProjectView(String description, String goal, BigDecimal budgetAmount, String budgetCurrency,
                       LocalDate desiredDeadline) {
    }

    record ScreeningView(Integer score, String verdict, String ruleVerdict, String companyCheck, String companyStatus,
                         List<MarkerView> markers, String overrideReason, String reviewedBy) {
    }

    record MarkerView(String id, int weight, String reason) {
    }

    record AuthorityView(int attempts, int maxAttempts, List<DocumentView> documents) {
    }

    record DocumentView(Long id, int attempt, String fileName, String contentType, Long sizeBytes, String decision,
                        String rejectionReason, Instant uploadedAt, String url) {
    }

    record InvoiceView(String number, String kind, BigDecimal amount, String currency, Integer sharePercent, Instant dueAt,
                       String status, BigDecimal paid, Instant paidAt, List<PaymentView> payments,
                       List<PaymentOrderView> paymentOrders) {
    }

    record PaymentView(String source, String paymentId, BigDecimal amount, String currency, Instant paidAt) {
    }

    record PaymentOrderView(Long id, String fileName, BigDecimal declaredAmount, String decision, BigDecimal confirmedAmount,
                            String rejectionReason, Instant uploadedAt, String url) {
    }

    record BriefView(String status, int rounds, Instant sentAt, Instant completedAt, List<BriefItemView> items) {
    }

    record BriefItemView(Long id, int position, String kind, String title, LocalDate dueDate, String status,
                         boolean extensionRequested, String reviewNote, List<SubmissionView> submissions) {
    }

    record SubmissionView(Long id, int round, String answer, String fileName, String contentType, Long sizeBytes,
                          Instant submittedAt, String url) {
    }

    /** {@code closeReason}: why a promise was cancelled unfulfilled (its engagement ended first). */
    record PromiseView(Long id, String kind, String subject, String description, Instant dueAt, String status,
                       Instant resolvedAt, Instant fulfilledAt, String closeReason) {
    }

    /**
     * Every version of every meeting protocol of the engagement, with its status (SIGNING, SIGNED,
     * SUPERSEDED, or UNSIGNED: the engagement ended first); the text, signatures and PDF are at {@code url}. Who recorded it is shown to staff only.
     */
    record ProtocolView(Long id, String number, int version, String status, LocalDate meetingDate, String contentSha256,
                        Instant createdAt, String createdBy, String url) {
    }

    record BreachView(Long id, String kind, String whatWasDue, Instant dueAt, Instant occurredAt) {
    }

    /**
     * The rules of contact agreed at the intro call; {@code agreed} false: none recorded, the default applies.
     * Who agreed it is shown to staff only.
     */
    record ContactView(String preferredChannel, int reportEveryDays, boolean agreed, String agreedBy, Instant agreedAt) {
    }

    /**
     * A letter of ours (OUTBOUND) or a reply (INBOUND: RECEIVED from the client, UNVERIFIED from another address,
     * moderators only). Who read a reply and their note are moderators' internal notes.
     */
    record CorrespondenceView(Long id, String direction, String status, String from, String to, String subject, String body,
                              String template, Instant createdAt, Instant sentAt, Instant receivedAt, Long answers,
                              Instant readAt, String readBy, String note) {
    }
}

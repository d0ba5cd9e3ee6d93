package com.engagementorchestrator.engagement;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The facade of the {@code engagement} process (processes/engagement.bpmn): its key, the ids of its
 * elements, its messages and errors, and its typed variables. Code and tests name the model only through here.
 */
public final class EngagementProcess {

    public static final String KEY = "engagement";
    public static final String COMPANY_REGISTRY_UNAVAILABLE_ERROR = "COMPANY_REGISTRY_UNAVAILABLE";

    /** Messages the process waits for. */
    public static final class Messages {
        /** The deposit invoice is paid in full (payment provider webhook). */
        public static final String DEPOSIT_RECEIVED = "DepositReceived";
        /**
         * A moderator lifted the client's block; the breached obligation gets a new date. Awaited by the
         * await-obligation instance the engagement called (see breach.AwaitObligationProcess), found through the hierarchy.
         */
        public static final String BLOCK_LIFTED = "BlockLifted";
        /** A moderator ended the engagements of a blocked client. */
        public static final String ENGAGEMENT_TERMINATED = "EngagementTerminated";
        /**
         * Instances started before "Work delivered" became the freelancers' task (issue 11) wait for this message at
         * the same place; new ones wait at {@link Elements#WORK_DELIVERED}.
         */
        public static final String WORK_DELIVERED = "WorkDelivered";
        /** The final invoice is paid in full (payment provider webhook). */
        public static final String FINAL_PAYMENT_RECEIVED = "FinalPaymentReceived";

        private Messages() {
        }
    }

    private EngagementProcess() {
    }

    /** Element ids of processes/engagement.bpmn. */
    public static final class Elements {
        public static final String ENGAGEMENT_REGISTERED = "EngagementRegisteredStartEvent";
        public static final String SCREEN_INTAKE = "ScreenIntakeTask";
        public static final String CHECK_COMPANY_REGISTRY = "CheckCompanyRegistryTask";
        public static final String COMPANY_REGISTRY_UNAVAILABLE = "CompanyRegistryUnavailableBoundaryEvent";
        public static final String CHECK_COMPANY_MANUALLY = "CheckCompanyManuallyTask";
        public static final String COMPANY_CHECKED = "CompanyCheckedGateway";
        public static final String SCORE_SCREENING = "ScoreScreeningTask";
        public static final String SCREENING_VERDICT = "ScreeningVerdictGateway";
        public static final String REVIEW_SCREENING = "ReviewScreeningTask";
        public static final String REVIEW_DECISION = "ReviewDecisionGateway";
        public static final String DECLINE_MERGE = "DeclineMergeGateway";
        public static final String DECLINE_ENGAGEMENT = "DeclineEngagementTask";
        public static final String ENGAGEMENT_DECLINED = "EngagementDeclinedEndEvent";
        public static final String ACCEPT_MERGE = "AcceptMergeGateway";
        public static final String REQUEST_SIGNING_AUTHORITY = "RequestSigningAuthorityTask";
        public static final String AUTHORITY_UPLOAD_MERGE = "AuthorityUploadMergeGateway";
        public static final String AWAIT_AUTHORITY = "AwaitAuthoritySubProcess";
        public static final String PROVE_SIGNING_AUTHORITY = "ProveSigningAuthorityTask";
        public static final String AUTHORITY_UPLOADED = "AuthorityUploadedEndEvent";
        /** Calls await-obligation (processes/await-obligation.bpmn): reminders, the missed deadline, the block. */
        public static final String AUTHORITY_OBLIGATION = "AuthorityObligationCallActivity";
        /** The client's task is withdrawn while the client is blocked (signal from await-obligation). */
        public static final String AUTHORITY_TASK_WITHDRAWN = "AuthorityTaskWithdrawnBoundaryEvent";
        /** await-obligation ended: a missed deadline was handled (block lifted, or met after all); a new due date follows. */
        public static final String AUTHORITY_DUE_AGAIN = "AuthorityDueAgainBoundaryEvent";
        public static final String RENEW_AUTHORITY_DUE_DATE = "RenewAuthorityDueDateTask";
        public static final String VERIFY_SIGNING_AUTHORITY = "VerifySigningAuthorityTask";
        public static final String AUTHORITY_DECISION = "AuthorityDecisionGateway";
        public static final String CONFIRM_SIGNING_AUTHORITY = "ConfirmSigningAuthorityTask";
        public static final String ASK_FOR_NEW_AUTHORITY_DOCUMENT = "AskForNewAuthorityDocumentTask";
        public static final String REFUSE_UNPROVEN_AUTHORITY = "RefuseUnprovenAuthorityTask";
        public static final String SIGNING_AUTHORITY_NOT_PROVEN = "SigningAuthorityNotProvenEndEvent";

        public static final String ISSUE_DEPOSIT_INVOICE = "IssueDepositInvoiceTask";
        public static final String DEPOSIT_COLLECTION_MERGE = "DepositCollectionMergeGateway";
        public static final String DEPOSIT_PAID_ALREADY = "DepositPaidGateway";
        public static final String COLLECT_DEPOSIT = "CollectDepositSubProcess";
        public static final String AWAIT_DEPOSIT_PAYMENT = "AwaitDepositPaymentSubProcess";
        public static final String PAY_DEPOSIT = "PayDepositTask";
        public static final String PAYMENT_ORDER_SUBMITTED = "PaymentOrderSubmittedEndEvent";
        public static final String REVIEW_PAYMENT_ORDER = "ReviewPaymentOrderTask";
        public static final String PAYMENT_ORDER_DECISION = "PaymentOrderDecisionGateway";
        public static final String DEPOSIT_COLLECTED = "DepositCollectedEndEvent";
        public static final String DEPOSIT_OBLIGATION = "DepositObligationCallActivity";
        public static final String DEPOSIT_TASK_WITHDRAWN = "DepositTaskWithdrawnBoundaryEvent";
        public static final String DEPOSIT_RECEIVED = "DepositReceivedBoundaryEvent";
        public static final String DEPOSIT_DUE_AGAIN = "DepositDueAgainBoundaryEvent";
        public static final String RENEW_DEPOSIT_DUE_DATE = "RenewDepositDueDateTask";
        public static final String DEPOSIT_PAID_MERGE = "DepositPaidMergeGateway";
        public static final String CONFIRM_DEPOSIT = "ConfirmDepositTask";

        public static final String PREPARE_BRIEF = "PrepareBriefTask";
        public static final String SEND_BRIEF = "SendBriefTask";
        public static final String MATERIALS_ROUND_MERGE = "MaterialsRoundMergeGateway";
        public static final String AWAIT_MATERIALS = "AwaitMaterialsSubProcess";
        public static final String PROVIDE_MATERIALS = "ProvideMaterialsTask";
        public static final String MATERIALS_OBLIGATION = "MaterialsObligationCallActivity";
        public static final String MATERIALS_TASK_WITHDRAWN = "MaterialsTaskWithdrawnBoundaryEvent";
        public static final String MATERIALS_DUE_AGAIN = "MaterialsDueAgainBoundaryEvent";
        public static final String RENEW_MATERIALS_DUE_DATES = "RenewMaterialsDueDateTask";
        public static final String MATERIALS_TO_REVIEW = "MaterialsToReviewGateway";
        public static final String REVIEW_MATERIALS = "ReviewMaterialsTask";
        public static final String MATERIALS_COMPLETE = "MaterialsCompleteGateway";
        public static final String REQUEST_MISSING_MATERIALS = "RequestMissingMaterialsTask";
        public static final String COMPLETE_MATERIALS = "CompleteMaterialsTask";
        public static final String WORK_DELIVERED = "WorkDeliveredTask";
        public static final String ISSUE_FINAL_INVOICE = "IssueFinalInvoiceTask";
        public static final String FINAL_PAID_ALREADY = "FinalPaidGateway";
        public static final String COLLECT_FINAL_PAYMENT = "CollectFinalPaymentSubProcess";
        public static final String PAY_FINAL_INVOICE = "PayFinalInvoiceTask";
        public static final String FINAL_PAYMENT_OBLIGATION = "FinalPaymentObligationCallActivity";
        public static final String FINAL_PAYMENT_TASK_WITHDRAWN = "FinalPaymentTaskWithdrawnBoundaryEvent";
        public static final String REVIEW_FINAL_PAYMENT_ORDER = "ReviewFinalPaymentOrderTask";
        public static final String FINAL_PAYMENT_RECEIVED = "FinalPaymentReceivedBoundaryEvent";
        public static final String FINAL_PAYMENT_DUE_AGAIN = "FinalPaymentDueAgainBoundaryEvent";
        public static final String RENEW_FINAL_PAYMENT_DUE_DATE = "RenewFinalPaymentDueDateTask";
        public static final String COMPLETE_ENGAGEMENT = "CompleteEngagementTask";
        public static final String ENGAGEMENT_COMPLETED = "EngagementCompletedEndEvent";

        public static final String ENGAGEMENT_TERMINATED_START = "EngagementTerminatedStartEvent";
        public static final String TERMINATE_ENGAGEMENT = "TerminateEngagementTask";
        public static final String ENGAGEMENT_TERMINATED = "EngagementTerminatedEndEvent";

        private Elements() {
        }
    }

    /** Process variables: ids and small decision inputs only; business data lives in the domain tables. */
    public static final class Variables {
        public static final String ENGAGEMENT_ID = "engagementId";
        public static final String CLIENT_USER_ID = "clientUserId";
        public static final String SCREENING_VERDICT = "screeningVerdict";
        public static final String INTRO_CALL_NEEDED = "introCallNeeded";
        public static final String AUTHORITY_DECISION = "authorityDecision";
        public static final String AUTHORITY_ATTEMPTS_LEFT = "authorityAttemptsLeft";
        /** Due dates (java.util.Date) of what the client owes; the reminder ladders and task due dates follow them. */
        public static final String AUTHORITY_DUE_AT = "authorityDueAt";
        public static final String DEPOSIT_DUE_AT = "depositDueAt";
        public static final String MATERIALS_DUE_AT = "materialsDueAt";
        public static final String DEPOSIT_PAID = "depositPaid";
        public static final String FINAL_DUE_AT = "finalDueAt";
        public static final String FINAL_PAID = "finalPaid";
        public static final String INVOICE_NUMBER = "invoiceNumber";
        /** Submitted by the client's payment-order form. */
        public static final String PAYMENT_ORDER = "paymentOrder";
        public static final String PAID_AMOUNT = "paidAmount";
        public static final String PAYMENT_ORDER_DECISION = "paymentOrderDecision";
        public static final String MATERIALS_TO_REVIEW = "materialsToReview";
        public static final String MATERIALS_COMPLETE = "materialsComplete";
        /** Inputs of await-obligation (see breach.AwaitObligationProcess.Variables). */
        public static final String BREACH_KIND = "breachKind";
        public static final String OBLIGATION = "obligation";
        public static final String DUE_AT = "dueAt";
        /** File variable submitted by the client's upload form; moved into the domain table on completion. */
        public static final String AUTHORITY_DOCUMENT = "authorityDocument";

        private Variables() {
        }

        public static long engagementId(VariableScope scope) {
            return com.engagementorchestrator.common.ProcessVariables.requiredLong(scope, ENGAGEMENT_ID);
        }
    }
}

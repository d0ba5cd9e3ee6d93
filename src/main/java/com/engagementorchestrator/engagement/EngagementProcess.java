package com.engagementorchestrator.engagement;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.listVariable;
import static com.engagementorchestrator.common.ProcessVariable.booleanVariable;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.common.ProcessVariable.fileVariable;
import static com.engagementorchestrator.common.ProcessVariable.integerVariable;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;

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

    /**
     * Process variables: ids and small decision inputs only; business data lives in the domain tables. Each is declared
     * once with its type and scope; code reads and writes them only through these declarations.
     */
    public static final class Variables {
        public static final ProcessVariable<Long> ENGAGEMENT_ID = longVariable("engagementId", PROCESS);
        public static final ProcessVariable<String> CLIENT_USER_ID = stringVariable("clientUserId", PROCESS);
        /** ACCEPT, REVIEW or DECLINE: the screening table's verdict, or the moderator's review decision. */
        public static final ProcessVariable<String> SCREENING_VERDICT = stringVariable("screeningVerdict", PROCESS);
        public static final ProcessVariable<Boolean> INTRO_CALL_NEEDED = booleanVariable("introCallNeeded", PROCESS);
        /** Submitted by the moderator's verification form, then kept for the gateway. */
        public static final ProcessVariable<String> AUTHORITY_DECISION = stringVariable("authorityDecision", PROCESS);
        public static final ProcessVariable<Integer> AUTHORITY_ATTEMPTS_LEFT = integerVariable("authorityAttemptsLeft", PROCESS);
        /** Due dates of what the client owes; the reminder ladders and task due dates follow them. */
        public static final ProcessVariable<Date> AUTHORITY_DUE_AT = dateVariable("authorityDueAt", PROCESS);
        public static final ProcessVariable<Date> DEPOSIT_DUE_AT = dateVariable("depositDueAt", PROCESS);
        public static final ProcessVariable<Date> MATERIALS_DUE_AT = dateVariable("materialsDueAt", PROCESS);
        public static final ProcessVariable<Date> FINAL_DUE_AT = dateVariable("finalDueAt", PROCESS);
        /** Every due date of this process: they move by the paused time when a blocked client is let go on. */
        public static final List<ProcessVariable<Date>> DUE_DATES =
                List.of(AUTHORITY_DUE_AT, DEPOSIT_DUE_AT, MATERIALS_DUE_AT, FINAL_DUE_AT);
        public static final ProcessVariable<Boolean> DEPOSIT_PAID = booleanVariable("depositPaid", PROCESS);
        public static final ProcessVariable<Boolean> FINAL_PAID = booleanVariable("finalPaid", PROCESS);
        public static final ProcessVariable<String> INVOICE_NUMBER = stringVariable("invoiceNumber", PROCESS);
        /** Submitted by the client's payment-order form (task-local until the task completes). */
        public static final ProcessVariable<FileValue> PAYMENT_ORDER = fileVariable("paymentOrder", PROCESS);
        /** Submitted by the client's payment-order form, as text or number. */
        public static final ProcessVariable<String> PAID_AMOUNT = stringVariable("paidAmount", PROCESS);
        /** Submitted by the moderator's review form, then kept for the gateway: CONFIRM or REJECT. */
        public static final ProcessVariable<String> PAYMENT_ORDER_DECISION = stringVariable("paymentOrderDecision", PROCESS);
        public static final ProcessVariable<Boolean> MATERIALS_TO_REVIEW = booleanVariable("materialsToReview", PROCESS);
        public static final ProcessVariable<Boolean> MATERIALS_COMPLETE = booleanVariable("materialsComplete", PROCESS);
        /** File variable submitted by the client's upload form; moved into the domain table on completion. */
        public static final ProcessVariable<FileValue> AUTHORITY_DOCUMENT = fileVariable("authorityDocument", PROCESS);
        /** Submitted by the moderator's verification form with a rejection. */
        public static final ProcessVariable<String> AUTHORITY_REJECTION_REASON = stringVariable("authorityRejectionReason", PROCESS);
        /** Submitted by the moderator's payment-order review form. */
        public static final ProcessVariable<String> CONFIRMED_AMOUNT = stringVariable("confirmedAmount", PROCESS);
        public static final ProcessVariable<String> PAYMENT_ORDER_REJECTION_REASON =
                stringVariable("paymentOrderRejectionReason", PROCESS);
        /**
         * The brief's items as text: prefilled on the execution (a submitted field is stored there and must replace the
         * draft), submitted by the moderator's brief form.
         */
        public static final ProcessVariable<String> BRIEF_ITEMS = stringVariable("briefItems", PROCESS);
        /** Submitted by the moderator's materials review: the item ids still missing (a JSON list, a list or text). */
        public static final ProcessVariable<String> MISSING_ITEMS = stringVariable("missingItems", PROCESS);
        public static final ProcessVariable<String> REVIEW_NOTES = stringVariable("reviewNotes", PROCESS);

        /* The moderator's screening review form (Observations are ticked or not). */
        public static final ProcessVariable<Boolean> OBSERVED_ANONYMITY = booleanVariable("observedAnonymity", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_BROKEN_PROMISES = booleanVariable("observedBrokenPromises", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_BROKEN_PROMISES_REPEATEDLY =
                booleanVariable("observedBrokenPromisesRepeatedly", PROCESS);
        public static final ProcessVariable<String> PROMISES_BEFORE_CALL = stringVariable("promisesBeforeCall", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_BLAMES_PREVIOUS = booleanVariable("observedBlamesPrevious", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_PREVIOUS_CONTRACTORS_WERE_RIGHT =
                booleanVariable("observedPreviousContractorsWereRight", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_SINKING_SHIP = booleanVariable("observedSinkingShip", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_PARTNERS_SPLIT = booleanVariable("observedPartnersSplit", PROCESS);
        /** Also on the manual company check form. */
        public static final ProcessVariable<Boolean> COMPANY_REVIEWS_SHOW_BROKEN_OBLIGATIONS =
                booleanVariable("companyReviewsShowBrokenObligations", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_NO_CLEAR_GOAL = booleanVariable("observedNoClearGoal", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_WONT_COMPROMISE = booleanVariable("observedWontCompromise", PROCESS);
        public static final ProcessVariable<Boolean> OBSERVED_NO_DECISIONS_BUT_ACTIVE =
                booleanVariable("observedNoDecisionsButActive", PROCESS);
        /** ACCEPT, REVIEW or DECLINE as the moderator decides; recorded as the screening verdict. */
        public static final ProcessVariable<String> REVIEW_DECISION = stringVariable("reviewDecision", PROCESS);
        public static final ProcessVariable<String> CALL_NOTES = stringVariable("callNotes", PROCESS);
        public static final ProcessVariable<String> OVERRIDE_REASON = stringVariable("overrideReason", PROCESS);
        /** The moderator's manual company check form (when the registry is unavailable); counts as typed. */
        public static final ProcessVariable<String> COMPANY_STATUS = stringVariable("companyStatus", PROCESS);
        public static final ProcessVariable<Integer> DEBT_CASES = integerVariable("debtCases", PROCESS);
        public static final ProcessVariable<Integer> BANKRUPTCY_CASES = integerVariable("bankruptcyCases", PROCESS);
        public static final ProcessVariable<String> COMPANY_CHECK_NOTES = stringVariable("companyCheckNotes", PROCESS);

        /* Shown by the forms: task-local, read-only (forms.TaskFormGuard refuses their submission). */
        public static final ProcessVariable<String> AUTHORITY_DOCUMENT_NAME = stringVariable("authorityDocumentName", LOCAL);
        public static final ProcessVariable<String> AUTHORITY_DOCUMENT_TYPE = stringVariable("authorityDocumentType", LOCAL);
        public static final ProcessVariable<Integer> AUTHORITY_DOCUMENT_ATTEMPT = integerVariable("authorityDocumentAttempt", LOCAL);
        public static final ProcessVariable<String> AUTHORITY_DOCUMENT_URL = stringVariable("authorityDocumentUrl", LOCAL);
        /** The invoice as the payment forms show it (the process's own invoiceNumber is the same number). */
        public static final ProcessVariable<String> INVOICE_NUMBER_SHOWN = stringVariable("invoiceNumber", LOCAL);
        public static final ProcessVariable<String> INVOICE_AMOUNT = stringVariable("invoiceAmount", LOCAL);
        public static final ProcessVariable<String> INVOICE_CURRENCY = stringVariable("invoiceCurrency", LOCAL);
        public static final ProcessVariable<String> INVOICE_DUE_DATE = stringVariable("invoiceDueDate", LOCAL);
        public static final ProcessVariable<String> INVOICE_PAID_SO_FAR = stringVariable("invoicePaidSoFar", LOCAL);
        public static final ProcessVariable<String> INVOICE_REMAINING = stringVariable("invoiceRemaining", LOCAL);
        public static final ProcessVariable<String> DECLARED_AMOUNT = stringVariable("declaredAmount", LOCAL);
        public static final ProcessVariable<String> PAYMENT_ORDER_NAME = stringVariable("paymentOrderName", LOCAL);
        public static final ProcessVariable<String> PAYMENT_ORDER_URL = stringVariable("paymentOrderUrl", LOCAL);
        /** The open items as JSON; the client's form builds one input per item. */
        public static final ProcessVariable<String> BRIEF_ITEMS_JSON = stringVariable("briefItemsJson", LOCAL);
        /** The submitted items as checklist options (form-js valuesKey: label and value). */
        public static final ProcessVariable<List<Map<String, Object>>> SUBMITTED_ITEM_OPTIONS =
                listVariable("submittedItemOptions", LOCAL);
        public static final ProcessVariable<String> MATERIALS_SUMMARY = stringVariable("materialsSummary", LOCAL);
        /** The screening brief the moderator's screening forms show. */
        public static final ProcessVariable<String> COMPANY_SUMMARY = stringVariable("companySummary", LOCAL);
        public static final ProcessVariable<String> INTAKE_SUMMARY = stringVariable("intakeSummary", LOCAL);
        public static final ProcessVariable<Integer> SCREENING_SCORE = integerVariable("screeningScore", LOCAL);
        public static final ProcessVariable<String> RULE_VERDICT = stringVariable("ruleVerdict", LOCAL);
        public static final ProcessVariable<String> MARKERS_SUMMARY = stringVariable("markersSummary", LOCAL);

        private Variables() {
        }

        /** The client's form submits, per brief item, an answer, a file or a new date. */
        public static ProcessVariable<String> itemAnswer(long itemId) {
            return stringVariable("answer_" + itemId, PROCESS);
        }

        public static ProcessVariable<FileValue> itemFile(long itemId) {
            return fileVariable("file_" + itemId, PROCESS);
        }

        public static ProcessVariable<String> itemExtension(long itemId) {
            return stringVariable("extend_" + itemId, PROCESS);
        }

        public static long engagementId(VariableScope scope) {
            return ENGAGEMENT_ID.required(scope);
        }
    }
}

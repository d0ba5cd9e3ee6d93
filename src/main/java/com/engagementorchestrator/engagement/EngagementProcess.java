package com.engagementorchestrator.engagement;

import static com.engagementorchestrator.common.ProcessVariable.Scope.SHOWN;
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
    /** The keys of the phase models the engagement calls, in their order (processes/engagement-*.bpmn). */
    public static final java.util.List<String> PHASES = java.util.List.of(
            com.engagementorchestrator.screening.ScreeningProcess.KEY,
            com.engagementorchestrator.authority.SigningAuthorityProcess.KEY,
            com.engagementorchestrator.deposit.DepositProcess.KEY,
            com.engagementorchestrator.materials.MaterialsProcess.KEY,
            com.engagementorchestrator.delivery.WorkProcess.KEY,
            com.engagementorchestrator.deposit.FinalPaymentProcess.KEY,
            com.engagementorchestrator.closure.ClosureProcess.KEY);
    public static final String COMPANY_REGISTRY_UNAVAILABLE_ERROR = "COMPANY_REGISTRY_UNAVAILABLE";

    /**
     * Messages the engagement waits for. Those of a phase are awaited by the phase instance the engagement called
     * (same business key): correlate them by business key or through the hierarchy, not by the engagement's id.
     */
    public static final class Messages {
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

        private Messages() {
        }
    }

    private EngagementProcess() {
    }

    /**
     * Element ids of processes/engagement.bpmn: a top level of phases, each a call activity of its own model, and the
     * event sub-processes that reach the engagement in any phase.
     */
    public static final class Elements {
        public static final String ENGAGEMENT_REGISTERED = "EngagementRegisteredStartEvent";
        public static final String SCREENING = "ScreeningCallActivity";
        /** Screening ended with the engagement declined (an error the screening model throws). */
        public static final String SCREENING_DECLINED = "EngagementDeclinedBoundaryEvent";
        public static final String DECLINED = "DeclinedEndEvent";
        public static final String SIGNING_AUTHORITY = "SigningAuthorityCallActivity";
        /** The client could not prove signing authority (an error the signing-authority model throws). */
        public static final String SIGNING_AUTHORITY_FAILED = "SigningAuthorityNotProvenBoundaryEvent";
        public static final String AUTHORITY_NOT_PROVEN = "AuthorityNotProvenEndEvent";
        public static final String DEPOSIT = "DepositCallActivity";
        public static final String MATERIALS = "MaterialsCallActivity";
        public static final String WORK = "WorkCallActivity";
        public static final String FINAL_PAYMENT = "FinalPaymentCallActivity";
        public static final String CLOSURE = "ClosureCallActivity";
        public static final String ENGAGEMENT_COMPLETED = "EngagementCompletedEndEvent";

        public static final String ENGAGEMENT_TERMINATED_START = "EngagementTerminatedStartEvent";
        public static final String TERMINATE_ENGAGEMENT = "TerminateEngagementTask";
        public static final String ENGAGEMENT_TERMINATED = "EngagementTerminatedEndEvent";

        /*
         * The engagement's steps, as the phase models name them: they run in the instances the engagement calls (same
         * business key), which is where code and tests reach them (see breach.ProcessPauses, support.EngagementAssert).
         */

        public static final String SCREEN_INTAKE = com.engagementorchestrator.screening.ScreeningProcess.Elements.SCREEN_INTAKE;
        public static final String CHECK_COMPANY_REGISTRY = com.engagementorchestrator.screening.ScreeningProcess.Elements.CHECK_COMPANY_REGISTRY;
        public static final String COMPANY_REGISTRY_UNAVAILABLE = com.engagementorchestrator.screening.ScreeningProcess.Elements.COMPANY_REGISTRY_UNAVAILABLE;
        public static final String CHECK_COMPANY_MANUALLY = com.engagementorchestrator.screening.ScreeningProcess.Elements.CHECK_COMPANY_MANUALLY;
        public static final String COMPANY_CHECKED = com.engagementorchestrator.screening.ScreeningProcess.Elements.COMPANY_CHECKED;
        public static final String SCORE_SCREENING = com.engagementorchestrator.screening.ScreeningProcess.Elements.SCORE_SCREENING;
        public static final String SCREENING_VERDICT = com.engagementorchestrator.screening.ScreeningProcess.Elements.SCREENING_VERDICT;
        public static final String REVIEW_SCREENING = com.engagementorchestrator.screening.ScreeningProcess.Elements.REVIEW_SCREENING;
        public static final String REVIEW_DECISION = com.engagementorchestrator.screening.ScreeningProcess.Elements.REVIEW_DECISION;
        public static final String DECLINE_MERGE = com.engagementorchestrator.screening.ScreeningProcess.Elements.DECLINE_MERGE;
        public static final String DECLINE_ENGAGEMENT = com.engagementorchestrator.screening.ScreeningProcess.Elements.DECLINE_ENGAGEMENT;
        public static final String ENGAGEMENT_DECLINED = com.engagementorchestrator.screening.ScreeningProcess.Elements.ENGAGEMENT_DECLINED;
        public static final String ACCEPT_MERGE = com.engagementorchestrator.screening.ScreeningProcess.Elements.ACCEPT_MERGE;

        public static final String REQUEST_SIGNING_AUTHORITY = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.REQUEST_SIGNING_AUTHORITY;
        public static final String AUTHORITY_UPLOAD_MERGE = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AUTHORITY_UPLOAD_MERGE;
        public static final String AWAIT_AUTHORITY = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AWAIT_AUTHORITY;
        public static final String PROVE_SIGNING_AUTHORITY = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.PROVE_SIGNING_AUTHORITY;
        public static final String AUTHORITY_UPLOADED = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AUTHORITY_UPLOADED;
        public static final String AUTHORITY_OBLIGATION = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AUTHORITY_OBLIGATION;
        public static final String AUTHORITY_TASK_WITHDRAWN = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AUTHORITY_TASK_WITHDRAWN;
        public static final String AUTHORITY_DUE_AGAIN = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AUTHORITY_DUE_AGAIN;
        public static final String RENEW_AUTHORITY_DUE_DATE = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.RENEW_AUTHORITY_DUE_DATE;
        public static final String VERIFY_SIGNING_AUTHORITY = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.VERIFY_SIGNING_AUTHORITY;
        public static final String AUTHORITY_DECISION = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.AUTHORITY_DECISION;
        public static final String CONFIRM_SIGNING_AUTHORITY = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.CONFIRM_SIGNING_AUTHORITY;
        public static final String ASK_FOR_NEW_AUTHORITY_DOCUMENT = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.ASK_FOR_NEW_AUTHORITY_DOCUMENT;
        public static final String REFUSE_UNPROVEN_AUTHORITY = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.REFUSE_UNPROVEN_AUTHORITY;
        public static final String SIGNING_AUTHORITY_NOT_PROVEN = com.engagementorchestrator.authority.SigningAuthorityProcess.Elements.SIGNING_AUTHORITY_NOT_PROVEN;

        public static final String ISSUE_DEPOSIT_INVOICE = com.engagementorchestrator.deposit.DepositProcess.Elements.ISSUE_DEPOSIT_INVOICE;
        public static final String COLLECT_DEPOSIT = com.engagementorchestrator.deposit.DepositProcess.Elements.COLLECT_DEPOSIT;
        public static final String CONFIRM_DEPOSIT = com.engagementorchestrator.deposit.DepositProcess.Elements.CONFIRM_DEPOSIT;

        /*
         * Every invoice (deposit, final, change order) is collected by the one model collect-payment: its steps carry
         * the same ids whichever invoice an instance collects.
         */
        public static final String PAY_INVOICE = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAY_INVOICE;
        /** The deposit is paid in collect-payment's pay task, called by the deposit phase. */
        public static final String PAY_DEPOSIT = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAY_INVOICE;
        /** The final invoice is paid in collect-payment's pay task, called by the final-payment phase. */
        public static final String PAY_FINAL_INVOICE = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAY_INVOICE;
        public static final String REVIEW_PAYMENT_ORDER = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.REVIEW_PAYMENT_ORDER;
        public static final String PAYMENT_ORDER_SUBMITTED = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_ORDER_SUBMITTED;
        public static final String PAYMENT_ORDER_DECISION = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_ORDER_DECISION;
        public static final String PAID_ALREADY = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAID_ALREADY;
        public static final String COLLECT_PAYMENT = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.COLLECT_PAYMENT;
        public static final String AWAIT_PAYMENT = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.AWAIT_PAYMENT;
        public static final String PAYMENT_OBLIGATION = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_OBLIGATION;
        public static final String PAY_TASK_WITHDRAWN = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAY_TASK_WITHDRAWN;
        public static final String PAYMENT_RECEIVED = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_RECEIVED;
        public static final String PAYMENT_DUE_AGAIN = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_DUE_AGAIN;
        public static final String RENEW_PAYMENT_DUE_DATE = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.RENEW_PAYMENT_DUE_DATE;
        public static final String PAYMENT_COLLECTED = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_COLLECTED;
        public static final String PAID_MERGE = com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAID_MERGE;

        public static final String PREPARE_BRIEF = com.engagementorchestrator.materials.MaterialsProcess.Elements.PREPARE_BRIEF;
        public static final String SEND_BRIEF = com.engagementorchestrator.materials.MaterialsProcess.Elements.SEND_BRIEF;
        public static final String MATERIALS_ROUND_MERGE = com.engagementorchestrator.materials.MaterialsProcess.Elements.MATERIALS_ROUND_MERGE;
        public static final String AWAIT_MATERIALS = com.engagementorchestrator.materials.MaterialsProcess.Elements.AWAIT_MATERIALS;
        public static final String PROVIDE_MATERIALS = com.engagementorchestrator.materials.MaterialsProcess.Elements.PROVIDE_MATERIALS;
        public static final String MATERIALS_OBLIGATION = com.engagementorchestrator.materials.MaterialsProcess.Elements.MATERIALS_OBLIGATION;
        public static final String MATERIALS_TASK_WITHDRAWN = com.engagementorchestrator.materials.MaterialsProcess.Elements.MATERIALS_TASK_WITHDRAWN;
        public static final String MATERIALS_DUE_AGAIN = com.engagementorchestrator.materials.MaterialsProcess.Elements.MATERIALS_DUE_AGAIN;
        public static final String RENEW_MATERIALS_DUE_DATES = com.engagementorchestrator.materials.MaterialsProcess.Elements.RENEW_MATERIALS_DUE_DATES;
        public static final String MATERIALS_TO_REVIEW = com.engagementorchestrator.materials.MaterialsProcess.Elements.MATERIALS_TO_REVIEW;
        public static final String REVIEW_MATERIALS = com.engagementorchestrator.materials.MaterialsProcess.Elements.REVIEW_MATERIALS;
        public static final String MATERIALS_COMPLETE = com.engagementorchestrator.materials.MaterialsProcess.Elements.MATERIALS_COMPLETE;
        public static final String REQUEST_MISSING_MATERIALS = com.engagementorchestrator.materials.MaterialsProcess.Elements.REQUEST_MISSING_MATERIALS;

        public static final String COMPLETE_MATERIALS = com.engagementorchestrator.delivery.WorkProcess.Elements.COMPLETE_MATERIALS;
        public static final String WORK_DELIVERED = com.engagementorchestrator.delivery.WorkProcess.Elements.WORK_DELIVERED;

        public static final String ISSUE_FINAL_INVOICE = com.engagementorchestrator.deposit.FinalPaymentProcess.Elements.ISSUE_FINAL_INVOICE;
        public static final String COLLECT_FINAL_PAYMENT = com.engagementorchestrator.deposit.FinalPaymentProcess.Elements.COLLECT_FINAL_PAYMENT;

        public static final String COMPLETE_ENGAGEMENT = com.engagementorchestrator.closure.ClosureProcess.Elements.COMPLETE_ENGAGEMENT;

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
        public static final ProcessVariable<Date> MATERIALS_DUE_AT = dateVariable("materialsDueAt", PROCESS);
        /** Every due date of this process: they move by the paused time when a blocked client is let go on. */
        public static final List<ProcessVariable<Date>> DUE_DATES =
                List.of(AUTHORITY_DUE_AT, MATERIALS_DUE_AT);
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

        /* Shown by the forms: task-local, read-only (forms.TaskFormGuard refuses their submission), no history. */
        public static final ProcessVariable<String> AUTHORITY_DOCUMENT_NAME = stringVariable("authorityDocumentName", SHOWN);
        public static final ProcessVariable<String> AUTHORITY_DOCUMENT_TYPE = stringVariable("authorityDocumentType", SHOWN);
        public static final ProcessVariable<Integer> AUTHORITY_DOCUMENT_ATTEMPT = integerVariable("authorityDocumentAttempt", SHOWN);
        public static final ProcessVariable<String> AUTHORITY_DOCUMENT_URL = stringVariable("authorityDocumentUrl", SHOWN);
        /** The invoice as the payment forms show it (the process's own invoiceNumber is the same number). */
        public static final ProcessVariable<String> INVOICE_NUMBER_SHOWN = stringVariable("invoiceNumber", SHOWN);
        public static final ProcessVariable<String> INVOICE_AMOUNT = stringVariable("invoiceAmount", SHOWN);
        public static final ProcessVariable<String> INVOICE_CURRENCY = stringVariable("invoiceCurrency", SHOWN);
        public static final ProcessVariable<String> INVOICE_DUE_DATE = stringVariable("invoiceDueDate", SHOWN);
        public static final ProcessVariable<String> INVOICE_PAID_SO_FAR = stringVariable("invoicePaidSoFar", SHOWN);
        public static final ProcessVariable<String> INVOICE_REMAINING = stringVariable("invoiceRemaining", SHOWN);
        public static final ProcessVariable<String> DECLARED_AMOUNT = stringVariable("declaredAmount", SHOWN);
        public static final ProcessVariable<String> PAYMENT_ORDER_NAME = stringVariable("paymentOrderName", SHOWN);
        public static final ProcessVariable<String> PAYMENT_ORDER_URL = stringVariable("paymentOrderUrl", SHOWN);
        /** The open items as JSON; the client's form builds one input per item. */
        public static final ProcessVariable<String> BRIEF_ITEMS_JSON = stringVariable("briefItemsJson", SHOWN);
        /** The submitted items as checklist options (form-js valuesKey: label and value). */
        public static final ProcessVariable<List<Map<String, Object>>> SUBMITTED_ITEM_OPTIONS =
                listVariable("submittedItemOptions", SHOWN);
        public static final ProcessVariable<String> MATERIALS_SUMMARY = stringVariable("materialsSummary", SHOWN);
        /** The screening brief the moderator's screening forms show. */
        public static final ProcessVariable<String> COMPANY_SUMMARY = stringVariable("companySummary", SHOWN);
        public static final ProcessVariable<String> INTAKE_SUMMARY = stringVariable("intakeSummary", SHOWN);
        public static final ProcessVariable<Integer> SCREENING_SCORE = integerVariable("screeningScore", SHOWN);
        public static final ProcessVariable<String> RULE_VERDICT = stringVariable("ruleVerdict", SHOWN);
        public static final ProcessVariable<String> MARKERS_SUMMARY = stringVariable("markersSummary", SHOWN);

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

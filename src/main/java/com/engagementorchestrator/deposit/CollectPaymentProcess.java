package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.common.ProcessVariable.Scope.SHOWN;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.booleanVariable;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import java.util.Date;
import java.util.List;

/**
 * The facade of processes/collect-payment.bpmn, the one model that collects an issued invoice: the deposit (called by
 * the deposit phase), the final invoice (the final-payment phase) and a change order's (delivery-review). Called with
 * the business key of the engagement, the invoice's number and what the reminders and the breach call the obligation;
 * ends when the invoice is paid in full. Code and tests name the model only through here.
 */
public final class CollectPaymentProcess {

    public static final String KEY = "collect-payment";

    private CollectPaymentProcess() {
    }

    public static final class Messages {
        /**
         * The invoice this instance collects is paid in full (payment provider webhook): correlated to the instance
         * whose {@link Variables#INVOICE_NUMBER} it is (see PaymentCorrelation).
         */
        public static final String PAYMENT_RECEIVED = "PaymentReceived";

        private Messages() {
        }
    }

    /** Element ids of processes/collect-payment.bpmn. */
    public static final class Elements {
        public static final String STARTED = "PaymentDueStartEvent";
        public static final String READ_INVOICE = "ReadInvoiceTask";
        public static final String PAYMENT_DUE_MERGE = "PaymentDueMergeGateway";
        public static final String PAID_ALREADY = "PaidAlreadyGateway";
        public static final String COLLECT_PAYMENT = "CollectPaymentSubProcess";
        public static final String AWAIT_PAYMENT = "AwaitPaymentSubProcess";
        /** The client's task: pay through the provider or upload the bank's payment order. */
        public static final String PAY_INVOICE = "PayInvoiceTask";
        public static final String PAY_TASK_WITHDRAWN = "PayTaskWithdrawnBoundaryEvent";
        public static final String PAYMENT_ORDER_SUBMITTED = "PaymentOrderSubmittedEndEvent";
        public static final String PAYMENT_OBLIGATION = "PaymentObligationCallActivity";
        /** The moderator's check of an uploaded payment order. */
        public static final String REVIEW_PAYMENT_ORDER = "ReviewPaymentOrderTask";
        public static final String PAYMENT_ORDER_DECISION = "PaymentOrderDecisionGateway";
        public static final String PAYMENT_COLLECTED = "PaymentCollectedEndEvent";
        /** The payment provider reported the invoice paid in full (message PaymentReceived). */
        public static final String PAYMENT_RECEIVED = "PaymentReceivedBoundaryEvent";
        public static final String PAYMENT_DUE_AGAIN = "PaymentDueAgainBoundaryEvent";
        public static final String RENEW_PAYMENT_DUE_DATE = "RenewPaymentDueDateTask";
        public static final String PAID_MERGE = "PaidMergeGateway";
        public static final String INVOICE_PAID = "InvoicePaidEndEvent";

        private Elements() {
        }
    }

    /** Inputs from the caller (besides engagementId, clientUserId, obligation and breachKind, passed on as they are). */
    public static final class Variables {
        /** The invoice this instance collects: the record it works on comes from here, never from a form. */
        public static final ProcessVariable<String> INVOICE_NUMBER = stringVariable("invoiceNumber", PROCESS);
        /** Set from the invoice; the pay task's due date and the reminders follow it. */
        public static final ProcessVariable<Date> DUE_AT = dateVariable("dueAt", PROCESS);
        public static final ProcessVariable<Boolean> PAID = booleanVariable("paid", PROCESS);
        /** DEPOSIT, FINAL or CHANGE_ORDER, on the pay task: the portal names the task by it. */
        public static final ProcessVariable<String> INVOICE_KIND = stringVariable("invoiceKind", SHOWN);
        public static final List<ProcessVariable<Date>> DUE_DATES = List.of(DUE_AT);

        private Variables() {
        }
    }
}

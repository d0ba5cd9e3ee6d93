package com.engagementorchestrator.deposit;

/**
 * The facade of the final-payment phase of an engagement (processes/engagement-final-payment.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class FinalPaymentProcess {

    public static final String KEY = "engagement-final-payment";

    private FinalPaymentProcess() {
    }

    /** Element ids of processes/engagement-final-payment.bpmn. */
    public static final class Elements {
        public static final String STARTED = "FinalPaymentStartEvent";
        public static final String FINAL_PAYMENT_IN = "FinalPaymentInEndEvent";
        public static final String ISSUE_FINAL_INVOICE = "IssueFinalInvoiceTask";
        public static final String FINAL_PAID_ALREADY = "FinalPaidGateway";
        public static final String COLLECT_FINAL_PAYMENT = "CollectFinalPaymentSubProcess";
        public static final String PAY_FINAL_INVOICE = "PayFinalInvoiceTask";
        public static final String FINAL_PAYMENT_OBLIGATION = "FinalPaymentObligationCallActivity";
        public static final String FINAL_PAYMENT_TASK_WITHDRAWN = "FinalPaymentTaskWithdrawnBoundaryEvent";
        public static final String REVIEW_FINAL_PAYMENT_ORDER = "ReviewFinalPaymentOrderTask";
        /** The payment provider reported the final invoice paid in full (message FinalPaymentReceived). */
        public static final String FINAL_PAYMENT_RECEIVED = "FinalPaymentReceivedBoundaryEvent";
        public static final String FINAL_PAYMENT_DUE_AGAIN = "FinalPaymentDueAgainBoundaryEvent";
        public static final String RENEW_FINAL_PAYMENT_DUE_DATE = "RenewFinalPaymentDueDateTask";

        private Elements() {
        }
    }
}

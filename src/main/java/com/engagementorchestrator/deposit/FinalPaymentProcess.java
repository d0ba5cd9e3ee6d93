package com.engagementorchestrator.deposit;

/**
 * The facade of the final-payment phase of an engagement (processes/engagement-final-payment.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 * The invoice is collected by processes/collect-payment.bpmn ({@link CollectPaymentProcess}).
 */
public final class FinalPaymentProcess {

    public static final String KEY = "engagement-final-payment";

    private FinalPaymentProcess() {
    }

    /** Element ids of processes/engagement-final-payment.bpmn. */
    public static final class Elements {
        public static final String STARTED = "FinalPaymentStartEvent";
        public static final String ISSUE_FINAL_INVOICE = "IssueFinalInvoiceTask";
        /** Calls collect-payment for the final invoice. */
        public static final String COLLECT_FINAL_PAYMENT = "CollectFinalPaymentCallActivity";
        public static final String FINAL_PAYMENT_IN = "FinalPaymentInEndEvent";

        private Elements() {
        }
    }
}

package com.engagementorchestrator.deposit;

/**
 * The facade of the deposit phase of an engagement (processes/engagement-deposit.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 * The invoice is collected by processes/collect-payment.bpmn ({@link CollectPaymentProcess}).
 */
public final class DepositProcess {

    public static final String KEY = "engagement-deposit";

    private DepositProcess() {
    }

    /** Element ids of processes/engagement-deposit.bpmn. */
    public static final class Elements {
        public static final String STARTED = "DepositStartEvent";
        public static final String ISSUE_DEPOSIT_INVOICE = "IssueDepositInvoiceTask";
        /** Calls collect-payment for the deposit invoice. */
        public static final String COLLECT_DEPOSIT = "CollectDepositCallActivity";
        public static final String CONFIRM_DEPOSIT = "ConfirmDepositTask";
        public static final String DEPOSIT_CONFIRMED = "DepositConfirmedEndEvent";

        private Elements() {
        }
    }
}

package com.engagementorchestrator.deposit;

/**
 * The facade of the deposit phase of an engagement (processes/engagement-deposit.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class DepositProcess {

    public static final String KEY = "engagement-deposit";

    private DepositProcess() {
    }

    /** Element ids of processes/engagement-deposit.bpmn. */
    public static final class Elements {
        public static final String STARTED = "DepositStartEvent";
        public static final String DEPOSIT_CONFIRMED = "DepositConfirmedEndEvent";
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
        /** The payment provider reported the deposit invoice paid in full (message DepositReceived). */
        public static final String DEPOSIT_RECEIVED = "DepositReceivedBoundaryEvent";
        public static final String DEPOSIT_DUE_AGAIN = "DepositDueAgainBoundaryEvent";
        public static final String RENEW_DEPOSIT_DUE_DATE = "RenewDepositDueDateTask";
        public static final String DEPOSIT_PAID_MERGE = "DepositPaidMergeGateway";
        public static final String CONFIRM_DEPOSIT = "ConfirmDepositTask";

        private Elements() {
        }
    }
}

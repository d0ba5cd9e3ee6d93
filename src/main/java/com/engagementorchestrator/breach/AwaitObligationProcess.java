package com.engagementorchestrator.breach;

/**
 * The facade of processes/await-obligation.bpmn: the one reusable wait on a client's obligation. Every wait (signing
 * authority, deposit, materials, final payment, protocol signature) calls it next to its own client task: it runs the
 * reminder ladder, reports a missed deadline, withdraws the caller's task while the client is blocked, waits for the
 * block to be lifted and ends with "Due again"; the caller then gives a new due date and waits again.
 */
public final class AwaitObligationProcess {

    public static final String KEY = "await-obligation";

    /**
     * Thrown when a breach is recorded; the caller catches it on its client task (a boundary event), which is
     * withdrawn while the client is blocked. The name carries the business key, so only that caller's task is hit.
     */
    public static final String CLIENT_TASK_WITHDRAWN_SIGNAL = "ClientTaskWithdrawn-";
    /** Escalation code of the callers' "Due again" end events: their wait ends, a new due date follows. */
    public static final String DUE_AGAIN_ESCALATION = "OBLIGATION_DUE_AGAIN";

    private AwaitObligationProcess() {
    }

    /** Element ids of processes/await-obligation.bpmn. */
    public static final class Elements {
        public static final String OBLIGATION_DUE = "ObligationDueStartEvent";
        public static final String REMIND_CLIENT = "RemindClientCallActivity";
        public static final String DEADLINE_PASSED = "DeadlinePassedBoundaryEvent";
        public static final String REPORT_MISSED_DEADLINE = "ReportMissedDeadlineTask";
        public static final String CLIENT_BLOCKED = "ClientBlockedGateway";
        public static final String WITHDRAW_CLIENT_TASK = "WithdrawClientTaskEvent";
        public static final String BLOCK_LIFTED = "BlockLiftedEvent";
        public static final String DUE_AGAIN_MERGE = "DueAgainMergeGateway";
        public static final String DUE_AGAIN = "DueAgainEndEvent";

        private Elements() {
        }
    }

    /** Its inputs (explicit camunda:in mappings of every caller). */
    public static final class Variables {
        public static final String ENGAGEMENT_ID = "engagementId";
        /** Which obligation, as the reminder ladder and the breach name it: AUTHORITY, DEPOSIT, MATERIALS, ... */
        public static final String OBLIGATION = "obligation";
        /** The breach a missed deadline records: AUTHORITY_OVERDUE, DEPOSIT_OVERDUE, ... */
        public static final String BREACH_KIND = "breachKind";
        /** The due date (java.util.Date) the ladder counts from. */
        public static final String DUE_AT = "dueAt";
        /** Set by the report: false when the obligation was met by now after all. */
        public static final String BREACH_RECORDED = "breachRecorded";

        private Variables() {
        }
    }
}

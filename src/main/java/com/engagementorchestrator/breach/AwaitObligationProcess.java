package com.engagementorchestrator.breach;

import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.booleanVariable;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import java.util.Date;
import java.util.List;

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

    /**
     * Its inputs (explicit camunda:in mappings of every caller), variables of the await-obligation instance. The report
     * of a missed deadline also gets obligation, breachKind and dueAt as its own input parameters; reads find those first.
     */
    public static final class Variables {
        public static final ProcessVariable<Long> ENGAGEMENT_ID = longVariable("engagementId", PROCESS);
        /** Which obligation, as the reminder ladder and the breach name it: AUTHORITY, DEPOSIT, MATERIALS, ... */
        public static final ProcessVariable<String> OBLIGATION = stringVariable("obligation", PROCESS);
        /** The breach a missed deadline records: AUTHORITY_OVERDUE, DEPOSIT_OVERDUE, ... */
        public static final ProcessVariable<String> BREACH_KIND = stringVariable("breachKind", PROCESS);
        /** The due date the ladder counts from. */
        public static final ProcessVariable<Date> DUE_AT = dateVariable("dueAt", PROCESS);
        /** Every due date of this process: they move by the paused time when a blocked client is let go on. */
        public static final List<ProcessVariable<Date>> DUE_DATES = List.of(DUE_AT);
        /** Set by the report: false when the obligation was met by now after all. */
        public static final ProcessVariable<Boolean> BREACH_RECORDED = booleanVariable("breachRecorded", PROCESS);

        private Variables() {
        }
    }
}

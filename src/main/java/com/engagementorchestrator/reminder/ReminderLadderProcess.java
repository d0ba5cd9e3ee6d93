package com.engagementorchestrator.reminder;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import java.util.List;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The facade of processes/reminder-ladder.bpmn, called by every wait on a client: it reminds, breaks the promises
 * at the due date, warns, and at the deadline ends with the BPMN error {@link #DEADLINE_PASSED_ERROR}.
 */
public final class ReminderLadderProcess {

    public static final String KEY = "reminder-ladder";
    public static final String DEADLINE_PASSED_ERROR = "OBLIGATION_DEADLINE_PASSED";

    private ReminderLadderProcess() {
    }

    public static final class Elements {
        public static final String LADDER_STARTED = "LadderStartedStartEvent";
        public static final String FRIENDLY_TIMER = "FriendlyReminderTimerEvent";
        public static final String SEND_FRIENDLY = "SendFriendlyReminderTask";
        public static final String DUE_DATE_TIMER = "DueDateTimerEvent";
        public static final String BREAK_PROMISES = "BreakOverduePromisesTask";
        public static final String CONCERN_TIMER = "ConcernTimerEvent";
        public static final String SEND_CONCERN = "SendConcernMessageTask";
        public static final String WARNING_TIMER = "WarningTimerEvent";
        public static final String SEND_WARNING = "SendFormalWarningTask";
        public static final String DEADLINE_TIMER = "DeadlineTimerEvent";
        public static final String DEADLINE_PASSED = "DeadlinePassedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        /** Which obligation: AUTHORITY, DEPOSIT or MATERIALS. */
        public static final ProcessVariable<String> OBLIGATION = stringVariable("obligation", PROCESS);
        /** The due date; every timer is relative to it. */
        public static final ProcessVariable<Date> DUE_AT = dateVariable("dueAt", PROCESS);
        /** Every due date of this process: they move by the paused time when a blocked client is let go on. */
        public static final List<ProcessVariable<Date>> DUE_DATES = List.of(DUE_AT);
        /** Input parameter of each send task: FRIENDLY, CONCERN or WARNING. */
        public static final ProcessVariable<String> STEP = stringVariable("step", LOCAL);

        private Variables() {
        }
    }

    static String obligation(VariableScope scope) {
        return Variables.OBLIGATION.get(scope);
    }

    static String step(VariableScope scope) {
        return Variables.STEP.get(scope);
    }

    static Instant dueAt(VariableScope scope) {
        return Variables.DUE_AT.required(scope).toInstant();
    }
}

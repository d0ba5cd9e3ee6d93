package com.engagementorchestrator.reminder;

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
        public static final String OBLIGATION = "obligation";
        /** The due date (java.util.Date); every timer is relative to it. */
        public static final String DUE_AT = "dueAt";
        /** Input parameter of each send task: FRIENDLY, CONCERN or WARNING. */
        public static final String STEP = "step";

        private Variables() {
        }
    }

    static String obligation(VariableScope scope) {
        return (String) scope.getVariable(Variables.OBLIGATION);
    }

    static String step(VariableScope scope) {
        return (String) scope.getVariable(Variables.STEP);
    }

    static Instant dueAt(VariableScope scope) {
        Object value = scope.getVariable(Variables.DUE_AT);
        if (!(value instanceof Date date)) {
            throw new IllegalStateException("Process variable 'dueAt' is missing or not a date: " + value);
        }
        return date.toInstant();
    }
}

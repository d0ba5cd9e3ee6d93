package com.engagementorchestrator.reminder;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Timer dates of processes/reminder-ladder.bpmn, as {@code ${reminderLadder.at(dueAt, 'CONCERN')}}: the due date
 * moved by the configured offset of the step.
 */
@Component("reminderLadder")
public class ReminderLadder {

    private final ReminderProperties properties;

    public ReminderLadder(ReminderProperties properties) {
        this.properties = properties;
    }

    public Date at(Object dueAt, String step) {
        Instant due;
        if (dueAt instanceof Date date) {
            due = date.toInstant();
        } else if (dueAt instanceof Instant instant) {
            due = instant;
        } else {
            throw new IllegalStateException("The reminder ladder needs a due date (dueAt), got " + dueAt);
        }
        return Date.from(due.plus(switch (ReminderStep.valueOf(step)) {
            case FRIENDLY -> properties.friendly();
            case DUE -> java.time.Duration.ZERO;
            case CONCERN -> properties.concern();
            case WARNING -> properties.warning();
            case DEADLINE -> properties.deadline();
        }));
    }

    public Instant deadline(Instant dueAt) {
        return dueAt.plus(properties.deadline());
    }
}

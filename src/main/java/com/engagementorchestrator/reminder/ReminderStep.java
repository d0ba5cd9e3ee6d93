package com.engagementorchestrator.reminder;

/** The steps of the reminder ladder (processes/reminder-ladder.bpmn), in order. */
public enum ReminderStep {
    FRIENDLY, DUE, CONCERN, WARNING, DEADLINE
}

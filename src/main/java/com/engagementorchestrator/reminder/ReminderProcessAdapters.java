package com.engagementorchestrator.reminder;

import com.engagementorchestrator.common.DueDates;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of processes/reminder-ladder.bpmn. */
@Configuration(proxyBeanMethods = false)
class ReminderProcessAdapters {

    @Bean
    DueDates reminderLadderDueDates() {
        return new DueDates(ReminderLadderProcess.KEY, ReminderLadderProcess.Variables.DUE_DATES);
    }

    @Bean
    JavaDelegate sendReminder(ReminderService reminders) {
        return execution -> reminders.remind(engagementId(execution), ReminderLadderProcess.obligation(execution),
                ReminderLadderProcess.dueAt(execution), ReminderStep.valueOf(ReminderLadderProcess.step(execution)));
    }

    @Bean
    JavaDelegate breakOverduePromises(ReminderService reminders) {
        return execution -> reminders.dueDatePassed(engagementId(execution));
    }
}

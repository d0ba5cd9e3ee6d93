package com.engagementorchestrator.contact;

import com.engagementorchestrator.common.DueDates;
import static com.engagementorchestrator.contact.ProgressReportsProcess.Variables.DONE_SO_FAR;
import static com.engagementorchestrator.contact.ProgressReportsProcess.Variables.NEEDED_FROM_CLIENT;
import static com.engagementorchestrator.contact.ProgressReportsProcess.Variables.NEXT_STEPS;
import static com.engagementorchestrator.contact.ProgressReportsProcess.Variables.PROGRESS_REPORT_ID;
import static com.engagementorchestrator.contact.ProgressReportsProcess.Variables.REPORT_DUE_AT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.TaskForms;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Inbound adapters of processes/progress-reports.bpmn, and the two listeners on the engagement's "Work delivered" wait
 * (processes/engagement.bpmn) that start the reports when the work starts and stop them however the wait ends.
 */
@Configuration(proxyBeanMethods = false)
class ContactProcessAdapters {

    @Bean
    DueDates progressReportsDueDates() {
        return new DueDates(ProgressReportsProcess.KEY, ProgressReportsProcess.Variables.DUE_DATES);
    }

    /** Start listener of the "Work delivered" task (WorkDeliveredTask): the engagement is at work. */
    @Bean
    ExecutionListener startProgressReports(ProgressReports reports) {
        return execution -> reports.start(engagementId(execution));
    }

    /** End listener of "Work delivered": delivered, or the wait was cancelled (terminated, deleted). */
    @Bean
    ExecutionListener stopProgressReports(ProgressReports reports) {
        return execution -> reports.stop(engagementId(execution), "the work of the engagement is over");
    }

    /** The task is due at the next date of the schedule, which is also when the next one is asked for. */
    @Bean
    TaskListener showProgressReport(ProgressReports reports) {
        return task -> {
            long engagementId = engagementId(task);
            Instant next = reports.nextReportAt(engagementId, REPORT_DUE_AT.required(task).toInstant());
            REPORT_DUE_AT.set(task, Date.from(next));
            task.setDueDate(Date.from(next));
            ProgressReports.ReportContext context = reports.context(engagementId);
            task.setVariablesLocal(ProcessVariable.values()
                    .with(ProgressReportsProcess.Variables.REPORT_ENGAGEMENT, context.engagementNumber())
                    .with(ProgressReportsProcess.Variables.REPORT_CLIENT, context.clientName())
                    .with(ProgressReportsProcess.Variables.REPORT_AGREEMENT,
                            context.channel().inWords() + ", every " + context.reportEveryDays() + " days"));
        };
    }

    /** Records the report; one written late moves the next date past now, so the next task does not follow at once. */
    @Bean
    TaskListener recordProgressReport(ProgressReports reports) {
        return task -> {
            long engagementId = engagementId(task);
            Instant dueAt = REPORT_DUE_AT.required(task).toInstant();
            long reportId = reports.record(engagementId, dueAt, TaskForms.text(task, DONE_SO_FAR), TaskForms.text(task, NEXT_STEPS),
                    TaskForms.text(task, NEEDED_FROM_CLIENT), TaskForms.actor(task));
            TaskForms.consume(task, DONE_SO_FAR, NEXT_STEPS, NEEDED_FROM_CLIENT);
            PROGRESS_REPORT_ID.set(task, reportId);
            REPORT_DUE_AT.set(task, Date.from(reports.upcoming(engagementId, dueAt)));
        };
    }

    @Bean
    JavaDelegate sendProgressReport(ProgressReports reports) {
        return execution -> reports.send(PROGRESS_REPORT_ID.required(execution));
    }
}

package com.engagementorchestrator.contact;

import org.springframework.stereotype.Component;

/** What processes/progress-reports.bpmn asks about the schedule ({@code ${progressReportSchedule.workGoesOn(engagementId)}}). */
@Component("progressReportSchedule")
public class ProgressReportSchedule {

    private final ProgressReports reports;

    ProgressReportSchedule(ProgressReports reports) {
        this.reports = reports;
    }

    public boolean workGoesOn(long engagementId) {
        return reports.workGoesOn(engagementId);
    }
}

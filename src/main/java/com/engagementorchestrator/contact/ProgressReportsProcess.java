package com.engagementorchestrator.contact;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import java.util.Date;
import java.util.List;

/** The facade of processes/progress-reports.bpmn: its key, element ids, message and variables. */
public final class ProgressReportsProcess {

    public static final String KEY = "progress-reports";
    /** Ends the reports: the work was delivered or the engagement closed. */
    public static final String STOPPED_MESSAGE = "ProgressReportsStopped";

    private ProgressReportsProcess() {
    }

    public static final class Elements {
        public static final String WORK_STARTED = "WorkStartedStartEvent";
        public static final String NEXT_REPORT = "NextReportMergeGateway";
        public static final String REPORT_DUE = "ReportDueTimerEvent";
        public static final String STILL_AT_WORK = "StillAtWorkGateway";
        public static final String WRITE_PROGRESS_REPORT = "WriteProgressReportTask";
        public static final String SEND_PROGRESS_REPORT = "SendProgressReportTask";
        public static final String WORK_OVER = "WorkOverEndEvent";
        public static final String REPORTS_STOPPED_SUBPROCESS = "ReportsStoppedSubProcess";
        public static final String REPORTS_STOPPED_START = "ReportsStoppedStartEvent";
        public static final String REPORTS_STOPPED = "ReportsStoppedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<Long> ENGAGEMENT_ID = longVariable("engagementId", PROCESS);
        /** When the next report is due. */
        public static final ProcessVariable<Date> REPORT_DUE_AT = dateVariable("reportDueAt", PROCESS);
        /** Every due date of this process: they move by the paused time when a blocked client is let go on. */
        public static final List<ProcessVariable<Date>> DUE_DATES = List.of(REPORT_DUE_AT);
        public static final ProcessVariable<Long> PROGRESS_REPORT_ID = longVariable("progressReportId", PROCESS);
        /** Fields of forms/write-progress-report.form. */
        public static final ProcessVariable<String> DONE_SO_FAR = stringVariable("doneSoFar", PROCESS);
        public static final ProcessVariable<String> NEXT_STEPS = stringVariable("nextSteps", PROCESS);
        public static final ProcessVariable<String> NEEDED_FROM_CLIENT = stringVariable("neededFromClient", PROCESS);
        /** Shown by the form (task-local, read-only). */
        public static final ProcessVariable<String> REPORT_ENGAGEMENT = stringVariable("reportEngagement", LOCAL);
        public static final ProcessVariable<String> REPORT_CLIENT = stringVariable("reportClient", LOCAL);
        public static final ProcessVariable<String> REPORT_AGREEMENT = stringVariable("reportAgreement", LOCAL);

        private Variables() {
        }
    }
}

package com.engagementorchestrator.contact;

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
        public static final String ENGAGEMENT_ID = "engagementId";
        /** When the next report is due (java.util.Date); moved like every "…DueAt" while the client is blocked. */
        public static final String REPORT_DUE_AT = "reportDueAt";
        public static final String PROGRESS_REPORT_ID = "progressReportId";
        /** Fields of forms/write-progress-report.form. */
        public static final String DONE_SO_FAR = "doneSoFar";
        public static final String NEXT_STEPS = "nextSteps";
        public static final String NEEDED_FROM_CLIENT = "neededFromClient";

        private Variables() {
        }
    }
}

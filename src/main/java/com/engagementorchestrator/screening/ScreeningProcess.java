package com.engagementorchestrator.screening;

/**
 * The facade of the screening phase of an engagement (processes/engagement-screening.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class ScreeningProcess {

    public static final String KEY = "engagement-screening";

    private ScreeningProcess() {
    }

    /** Element ids of processes/engagement-screening.bpmn. */
    public static final class Elements {
        public static final String STARTED = "ScreeningStartEvent";
        public static final String CLIENT_ACCEPTED = "ClientAcceptedEndEvent";
        public static final String SCREEN_INTAKE = "ScreenIntakeTask";
        public static final String CHECK_COMPANY_REGISTRY = "CheckCompanyRegistryTask";
        public static final String COMPANY_REGISTRY_UNAVAILABLE = "CompanyRegistryUnavailableBoundaryEvent";
        public static final String CHECK_COMPANY_MANUALLY = "CheckCompanyManuallyTask";
        public static final String COMPANY_CHECKED = "CompanyCheckedGateway";
        public static final String SCORE_SCREENING = "ScoreScreeningTask";
        public static final String SCREENING_VERDICT = "ScreeningVerdictGateway";
        public static final String REVIEW_SCREENING = "ReviewScreeningTask";
        public static final String REVIEW_DECISION = "ReviewDecisionGateway";
        public static final String DECLINE_MERGE = "DeclineMergeGateway";
        public static final String DECLINE_ENGAGEMENT = "DeclineEngagementTask";
        public static final String ENGAGEMENT_DECLINED = "EngagementDeclinedEndEvent";
        public static final String ACCEPT_MERGE = "AcceptMergeGateway";

        private Elements() {
        }
    }
}

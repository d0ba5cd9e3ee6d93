package com.engagementorchestrator.engagement;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The facade of the {@code engagement} process (processes/engagement.bpmn): its key, the ids of its
 * elements, its messages and errors, and its typed variables. Code and tests name the model only through here.
 */
public final class EngagementProcess {

    public static final String KEY = "engagement";
    public static final String COMPANY_REGISTRY_UNAVAILABLE_ERROR = "COMPANY_REGISTRY_UNAVAILABLE";

    private EngagementProcess() {
    }

    /** Element ids of processes/engagement.bpmn. */
    public static final class Elements {
        public static final String ENGAGEMENT_REGISTERED = "EngagementRegisteredStartEvent";
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
        public static final String REQUEST_SIGNING_AUTHORITY = "RequestSigningAuthorityTask";
        public static final String AUTHORITY_UPLOAD_MERGE = "AuthorityUploadMergeGateway";
        public static final String PROVE_SIGNING_AUTHORITY = "ProveSigningAuthorityTask";
        public static final String AUTHORITY_REMINDER_TIMER = "AuthorityUploadReminderTimerEvent";
        public static final String SEND_AUTHORITY_REMINDER = "SendAuthorityReminderTask";
        public static final String AUTHORITY_REMINDER_SENT = "AuthorityReminderSentEndEvent";
        public static final String AUTHORITY_EXPIRED_TIMER = "AuthorityUploadExpiredTimerEvent";
        public static final String EXPIRE_ENGAGEMENT = "ExpireEngagementTask";
        public static final String ENGAGEMENT_EXPIRED = "EngagementExpiredEndEvent";
        public static final String VERIFY_SIGNING_AUTHORITY = "VerifySigningAuthorityTask";
        public static final String AUTHORITY_DECISION = "AuthorityDecisionGateway";
        public static final String CONFIRM_SIGNING_AUTHORITY = "ConfirmSigningAuthorityTask";
        public static final String SIGNING_AUTHORITY_PROVEN = "SigningAuthorityProvenEndEvent";
        public static final String ASK_FOR_NEW_AUTHORITY_DOCUMENT = "AskForNewAuthorityDocumentTask";
        public static final String REFUSE_UNPROVEN_AUTHORITY = "RefuseUnprovenAuthorityTask";
        public static final String SIGNING_AUTHORITY_NOT_PROVEN = "SigningAuthorityNotProvenEndEvent";

        private Elements() {
        }
    }

    /** Process variables: ids and small decision inputs only; business data lives in the domain tables. */
    public static final class Variables {
        public static final String ENGAGEMENT_ID = "engagementId";
        public static final String CLIENT_USER_ID = "clientUserId";
        public static final String SCREENING_VERDICT = "screeningVerdict";
        public static final String AUTHORITY_DECISION = "authorityDecision";
        public static final String AUTHORITY_ATTEMPTS_LEFT = "authorityAttemptsLeft";
        /** File variable submitted by the client's upload form; moved into the domain table on completion. */
        public static final String AUTHORITY_DOCUMENT = "authorityDocument";

        private Variables() {
        }

        public static long engagementId(VariableScope scope) {
            Object value = scope.getVariable(ENGAGEMENT_ID);
            if (!(value instanceof Number number)) {
                throw new IllegalStateException("Process variable '" + ENGAGEMENT_ID + "' is missing or not a number: " + value);
            }
            return number.longValue();
        }
    }
}

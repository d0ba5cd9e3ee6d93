package com.engagementorchestrator.authority;

/**
 * The facade of the signing-authority phase of an engagement (processes/engagement-signing-authority.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class SigningAuthorityProcess {

    public static final String KEY = "engagement-signing-authority";

    private SigningAuthorityProcess() {
    }

    /** Element ids of processes/engagement-signing-authority.bpmn. */
    public static final class Elements {
        public static final String STARTED = "SigningAuthorityStartEvent";
        public static final String SIGNING_AUTHORITY_CONFIRMED = "SigningAuthorityConfirmedEndEvent";
        public static final String REQUEST_SIGNING_AUTHORITY = "RequestSigningAuthorityTask";
        public static final String AUTHORITY_UPLOAD_MERGE = "AuthorityUploadMergeGateway";
        public static final String AWAIT_AUTHORITY = "AwaitAuthoritySubProcess";
        public static final String PROVE_SIGNING_AUTHORITY = "ProveSigningAuthorityTask";
        public static final String AUTHORITY_UPLOADED = "AuthorityUploadedEndEvent";
        /** Calls await-obligation (processes/await-obligation.bpmn): reminders, the missed deadline, the block. */
        public static final String AUTHORITY_OBLIGATION = "AuthorityObligationCallActivity";
        /** The client's task is withdrawn while the client is blocked (signal from await-obligation). */
        public static final String AUTHORITY_TASK_WITHDRAWN = "AuthorityTaskWithdrawnBoundaryEvent";
        /** await-obligation ended: a missed deadline was handled (block lifted, or met after all); a new due date follows. */
        public static final String AUTHORITY_DUE_AGAIN = "AuthorityDueAgainBoundaryEvent";
        public static final String RENEW_AUTHORITY_DUE_DATE = "RenewAuthorityDueDateTask";
        public static final String VERIFY_SIGNING_AUTHORITY = "VerifySigningAuthorityTask";
        public static final String AUTHORITY_DECISION = "AuthorityDecisionGateway";
        public static final String CONFIRM_SIGNING_AUTHORITY = "ConfirmSigningAuthorityTask";
        public static final String ASK_FOR_NEW_AUTHORITY_DOCUMENT = "AskForNewAuthorityDocumentTask";
        public static final String REFUSE_UNPROVEN_AUTHORITY = "RefuseUnprovenAuthorityTask";
        public static final String SIGNING_AUTHORITY_NOT_PROVEN = "SigningAuthorityNotProvenEndEvent";

        private Elements() {
        }
    }
}

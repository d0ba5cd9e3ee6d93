package com.engagementorchestrator.breach;

/** The facade of processes/client-block.bpmn: its key, element ids and variables. */
public final class BlockProcess {

    public static final String KEY = "client-block";

    private BlockProcess() {
    }

    public static final class Elements {
        public static final String CLIENT_BLOCKED = "ClientBlockedStartEvent";
        public static final String REVIEW_BLOCK_MERGE = "ReviewBlockMergeGateway";
        public static final String REVIEW_BLOCK = "ReviewBlockTask";
        public static final String BLOCK_DECISION = "BlockDecisionGateway";
        public static final String REQUEST_EVIDENCE = "RequestBlockEvidenceTask";
        public static final String PROVIDE_EVIDENCE = "ProvideBlockEvidenceTask";
        public static final String EVIDENCE_OVERDUE = "EvidenceOverdueTimerEvent";
        public static final String EVIDENCE_MERGE = "EvidenceMergeGateway";
        public static final String LIFT_BLOCK = "LiftBlockTask";
        public static final String BLOCK_LIFTED = "BlockLiftedEndEvent";
        public static final String TERMINATE_ENGAGEMENTS = "TerminateBlockedEngagementsTask";
        public static final String ENGAGEMENTS_TERMINATED = "EngagementsTerminatedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final String BLOCK_ID = "blockId";
        public static final String CLIENT_USER_ID = "clientUserId";
        /** ASK_EVIDENCE, LIFT or TERMINATE. */
        public static final String BLOCK_DECISION = "blockDecision";
        public static final String EVIDENCE_REQUEST = "evidenceRequest";
        public static final String DECISION_NOTES = "decisionNotes";
        public static final String DECIDED_BY = "decidedBy";
        /** Submitted by the client's evidence form. */
        public static final String EVIDENCE_NOTE = "evidenceNote";
        public static final String EVIDENCE_FILE = "evidenceFile";

        private Variables() {
        }
    }

    public enum Decision { ASK_EVIDENCE, LIFT, TERMINATE }
}

package com.engagementorchestrator.breach;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.fileVariable;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import org.camunda.bpm.engine.variable.value.FileValue;

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
        public static final ProcessVariable<Long> BLOCK_ID = longVariable("blockId", PROCESS);
        public static final ProcessVariable<String> CLIENT_USER_ID = stringVariable("clientUserId", PROCESS);
        /** ASK_EVIDENCE, LIFT or TERMINATE: submitted by the review form, then kept for the gateway. */
        public static final ProcessVariable<String> BLOCK_DECISION = stringVariable("blockDecision", PROCESS);
        public static final ProcessVariable<String> EVIDENCE_REQUEST = stringVariable("evidenceRequest", PROCESS);
        public static final ProcessVariable<String> DECISION_NOTES = stringVariable("decisionNotes", PROCESS);
        public static final ProcessVariable<String> DECIDED_BY = stringVariable("decidedBy", PROCESS);
        /** Submitted by the client's evidence form. */
        public static final ProcessVariable<String> EVIDENCE_NOTE = stringVariable("evidenceNote", PROCESS);
        public static final ProcessVariable<FileValue> EVIDENCE_FILE = fileVariable("evidenceFile", PROCESS);
        /** Shown by the review form (task-local, read-only). */
        public static final ProcessVariable<String> BLOCK_SUMMARY = stringVariable("blockSummary", LOCAL);

        private Variables() {
        }
    }

    public enum Decision { ASK_EVIDENCE, LIFT, TERMINATE }
}

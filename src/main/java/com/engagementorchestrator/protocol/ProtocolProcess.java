package com.engagementorchestrator.protocol;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.booleanVariable;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.common.ProcessVariable.listVariable;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;
import java.util.Date;
import java.util.List;

/** The facade of processes/protocol-signing.bpmn: its key, element ids, messages and variables. */
public final class ProtocolProcess {

    public static final String KEY = "protocol-signing";
    public static final String REVISED_MESSAGE = "ProtocolRevised";

    private ProtocolProcess() {
    }

    public static final class Elements {
        /** The engagement ended (completed, terminated, declined): the message ending/EngagementEnding sends. */
        public static final String ENGAGEMENT_ENDED = "EngagementEndedStartEvent";
        public static final String CLOSE_UNSIGNED_PROTOCOL = "CloseUnsignedProtocolTask";
        public static final String ENDED_WITH_THE_ENGAGEMENT = "EndedWithTheEngagementEndEvent";
        public static final String PROTOCOL_RECORDED = "ProtocolRecordedStartEvent";
        public static final String RECORD_PROTOCOL = "RecordProtocolTask";
        public static final String SIGNING_ROUND_MERGE = "SigningRoundMergeGateway";
        public static final String START_SIGNING_ROUND = "StartSigningRoundTask";
        public static final String SIGN_PROTOCOL = "SignProtocolSubProcess";
        public static final String CLIENT_SIGNATURE = "ClientSignatureSubProcess";
        /** Calls await-obligation (breach.AwaitObligationProcess): reminders, the missed deadline, the block. */
        public static final String PROTOCOL_OBLIGATION = "ProtocolObligationCallActivity";
        /** The client's signature task is withdrawn while the client is blocked. */
        public static final String PROTOCOL_TASK_WITHDRAWN = "ProtocolTaskWithdrawnBoundaryEvent";
        /** await-obligation ended after a missed deadline; a new date to sign follows. */
        public static final String PROTOCOL_DUE_AGAIN = "ProtocolDueAgainBoundaryEvent";
        public static final String RENEW_PROTOCOL_DUE_DATE = "RenewProtocolDueDateTask";
        public static final String SIGN_AS_CLIENT = "SignAsClientTask";
        public static final String SIGN_AS_FREELANCER = "SignAsFreelancerTask";
        public static final String CLIENT_SIGNED = "ClientSignedEndEvent";
        public static final String CLIENT_OBJECTED = "ClientObjectedEndEvent";
        public static final String FREELANCER_SIGNED = "FreelancerSignedEndEvent";
        public static final String FREELANCER_OBJECTED = "FreelancerObjectedEndEvent";
        public static final String PROTOCOL_OBJECTED = "ProtocolObjectedBoundaryEvent";
        public static final String PROTOCOL_REVISED = "ProtocolRevisedBoundaryEvent";
        public static final String REVISE_PROTOCOL = "ReviseProtocolTask";
        public static final String FINALIZE_PROTOCOL = "FinalizeProtocolTask";
        public static final String DELIVER_AGREED_ITEM = "DeliverAgreedItemTask";
        public static final String PROTOCOL_FULFILLED = "ProtocolFulfilledEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<Long> PROTOCOL_ID = longVariable("protocolId", PROCESS);
        public static final ProcessVariable<Long> ENGAGEMENT_ID = longVariable("engagementId", PROCESS);
        public static final ProcessVariable<String> CLIENT_USER_ID = stringVariable("clientUserId", PROCESS);
        /** Typed into the start form in Tasklist; the API starts with the protocol id instead. */
        public static final ProcessVariable<String> ENGAGEMENT_NUMBER = stringVariable("engagementNumber", PROCESS);
        /** SIGN or OBJECT, submitted by the signing form. */
        public static final ProcessVariable<String> DECISION = stringVariable("protocolDecision", PROCESS);
        public static final ProcessVariable<String> OBJECTION_REASON = stringVariable("objectionReason", PROCESS);
        /** The agreements the freelancers deliver: the collection of the multi-instance task. */
        public static final ProcessVariable<List<Long>> FREELANCER_AGREEMENTS = listVariable("freelancerAgreements", PROCESS);
        /** The element variable of that multi-instance task, local to each instance. */
        public static final ProcessVariable<Long> AGREEMENT_ID = longVariable("agreementId", LOCAL);
        /** When the client's signature is due; the reminder ladder counts from it. */
        public static final ProcessVariable<Date> DUE_AT = dateVariable("protocolDueAt", PROCESS);
        /** Every due date of this process: they move by the paused time when a blocked client is let go on. */
        public static final List<ProcessVariable<Date>> DUE_DATES = List.of(DUE_AT);
        /** Set when the revision was submitted through the API: the revision task then records nothing more. */
        public static final ProcessVariable<Boolean> REVISED_THROUGH_API = booleanVariable("revisedThroughApi", PROCESS);
        /** Shown by the signing and revision forms (task-local, read-only). */
        public static final ProcessVariable<String> PROTOCOL_TEXT = stringVariable("protocolText", LOCAL);
        public static final ProcessVariable<String> PROTOCOL_SHA256 = stringVariable("protocolSha256", LOCAL);
        public static final ProcessVariable<String> OBJECTIONS = stringVariable("objections", LOCAL);

        private Variables() {
        }

        /** A field of the protocol's start and revision forms (one per clause; ProtocolForms names them). */
        public static ProcessVariable<String> protocolField(String name) {
            return stringVariable(name, PROCESS);
        }
    }
}

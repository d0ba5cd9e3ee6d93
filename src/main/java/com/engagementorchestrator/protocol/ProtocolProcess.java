package com.engagementorchestrator.protocol;

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
        public static final String PROTOCOL_ID = "protocolId";
        public static final String ENGAGEMENT_NUMBER = "engagementNumber";
        /** SIGN or OBJECT, submitted by the signing form. */
        public static final String DECISION = "protocolDecision";
        public static final String OBJECTION_REASON = "objectionReason";
        public static final String FREELANCER_AGREEMENTS = "freelancerAgreements";
        public static final String AGREEMENT_ID = "agreementId";
        /** When the client's signature is due (java.util.Date); the reminder ladder counts from it. */
        public static final String DUE_AT = "protocolDueAt";

        private Variables() {
        }
    }
}

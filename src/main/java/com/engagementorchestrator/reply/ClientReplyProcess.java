package com.engagementorchestrator.reply;

/** The facade of processes/client-reply.bpmn: one instance per stored reply, business key = engagement number. */
public final class ClientReplyProcess {

    public static final String KEY = "client-reply";

    private ClientReplyProcess() {
    }

    public static final class Elements {
        /** The engagement ended (completed, terminated, declined): the message ending/EngagementEnding sends. */
        public static final String ENGAGEMENT_ENDED = "EngagementEndedStartEvent";
        public static final String ENDED_WITH_THE_ENGAGEMENT = "EndedWithTheEngagementEndEvent";
        public static final String REPLY_STORED = "ReplyStoredStartEvent";
        public static final String READ_REPLY = "ReadClientReplyTask";
        public static final String REPLY_READ = "ReplyReadEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final String CORRESPONDENCE_ID = "correspondenceId";
        public static final String ENGAGEMENT_ID = "engagementId";
        /** Shown by the form (task-local, read-only). */
        public static final String REPLY_FROM = "replyFrom";
        public static final String REPLY_SENDER_CHECK = "replySenderCheck";
        public static final String REPLY_SUBJECT = "replySubject";
        public static final String REPLY_RECEIVED_AT = "replyReceivedAt";
        public static final String REPLY_ANSWERS = "replyAnswers";
        public static final String REPLY_TEXT = "replyText";
        /** Submitted by the form: the moderator's internal note. */
        public static final String REPLY_NOTE = "replyNote";

        private Variables() {
        }
    }
}

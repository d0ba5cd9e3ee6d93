package com.engagementorchestrator.reply;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;

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
        public static final ProcessVariable<Long> CORRESPONDENCE_ID = longVariable("correspondenceId", PROCESS);
        public static final ProcessVariable<Long> ENGAGEMENT_ID = longVariable("engagementId", PROCESS);
        /** Shown by the form (task-local, read-only). */
        public static final ProcessVariable<String> REPLY_FROM = stringVariable("replyFrom", LOCAL);
        public static final ProcessVariable<String> REPLY_SENDER_CHECK = stringVariable("replySenderCheck", LOCAL);
        public static final ProcessVariable<String> REPLY_SUBJECT = stringVariable("replySubject", LOCAL);
        public static final ProcessVariable<String> REPLY_RECEIVED_AT = stringVariable("replyReceivedAt", LOCAL);
        public static final ProcessVariable<String> REPLY_ANSWERS = stringVariable("replyAnswers", LOCAL);
        public static final ProcessVariable<String> REPLY_TEXT = stringVariable("replyText", LOCAL);
        /** Submitted by the form: the moderator's internal note. */
        public static final ProcessVariable<String> REPLY_NOTE = stringVariable("replyNote", PROCESS);

        private Variables() {
        }
    }
}

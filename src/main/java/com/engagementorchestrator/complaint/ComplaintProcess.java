package com.engagementorchestrator.complaint;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;

/** Element ids and variables of the complaint event subprocess of processes/engagement.bpmn. */
public final class ComplaintProcess {

    /* Its variables, each declared once with its type and scope. */
    /** Local to each complaint's scope of the event subprocess, so parallel complaints do not mix. */
    public static final ProcessVariable<Long> COMPLAINT_ID = longVariable("complaintId", LOCAL);
    /** Handed over by the message; the first step copies it into the complaint's own scope. */
    public static final ProcessVariable<Long> RAISED_COMPLAINT_ID = longVariable("raisedComplaintId", PROCESS);
    /** ACCEPT or ESCALATE, from the client's reply form, and the client's words with it. */
    public static final ProcessVariable<String> RESPONSE = stringVariable("complaintResponse", PROCESS);
    public static final ProcessVariable<String> CLIENT_REPLY = stringVariable("clientReply", PROCESS);
    /** The moderator's answer form. */
    public static final ProcessVariable<String> CLASSIFICATION = stringVariable("classification", PROCESS);
    public static final ProcessVariable<String> ANSWER = stringVariable("answer", PROCESS);
    public static final ProcessVariable<String> FIX = stringVariable("fix", PROCESS);
    public static final ProcessVariable<String> FIX_BY = stringVariable("fixBy", PROCESS);
    /** Text or number, read as an amount. */
    public static final ProcessVariable<String> REFUND_AMOUNT = stringVariable("refundAmount", PROCESS);
    /** The freelancers' answer to an escalated complaint. */
    public static final ProcessVariable<String> ESCALATION_ANSWER = stringVariable("escalationAnswer", PROCESS);
    /** Shown by the complaint forms (task-local, read-only). */
    public static final ProcessVariable<String> COMPLAINT_TEXT = stringVariable("complaintText", LOCAL);
    public static final ProcessVariable<String> COMPLAINT_PROTOCOLS = stringVariable("complaintProtocols", LOCAL);
    public static final ProcessVariable<String> COMPLAINT_LETTERS = stringVariable("complaintLetters", LOCAL);
    public static final ProcessVariable<String> OUR_ANSWER = stringVariable("ourAnswer", LOCAL);
    public static final ProcessVariable<String> CLIENT_REPLY_SHOWN = stringVariable("clientReplyShown", LOCAL);

    private ComplaintProcess() {
    }

    public static final class Elements {
        public static final String COMPLAINT_RAISED = "ComplaintRaisedStartEvent";
        public static final String REGISTER_COMPLAINT = "RegisterComplaintTask";
        public static final String ANSWER_COMPLAINT = "AnswerComplaintTask";
        public static final String ANSWER_OVERDUE = "ComplaintAnswerOverdueTimerEvent";
        public static final String ESCALATE_OVERDUE_ANSWER = "EscalateOverdueAnswerTask";
        public static final String SEND_ANSWER = "SendComplaintAnswerTask";
        public static final String RESPOND_TO_ANSWER = "RespondToComplaintAnswerTask";
        public static final String NO_REPLY = "ComplaintResponseTimeoutEvent";
        public static final String HANDLE_ESCALATION = "HandleComplaintEscalationTask";
        public static final String CLOSE_COMPLAINT = "CloseComplaintTask";
        public static final String COMPLAINT_CLOSED = "ComplaintClosedEndEvent";

        private Elements() {
        }
    }
}

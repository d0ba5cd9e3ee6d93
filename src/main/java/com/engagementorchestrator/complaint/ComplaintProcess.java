package com.engagementorchestrator.complaint;

/** Element ids and variables of the complaint event subprocess of processes/engagement.bpmn. */
public final class ComplaintProcess {

    /** Local to each complaint's scope of the event subprocess, so parallel complaints do not mix. */
    public static final String COMPLAINT_ID = "complaintId";
    /** Handed over by the message; the first step copies it into the complaint's own scope. */
    public static final String RAISED_COMPLAINT_ID = "raisedComplaintId";
    /** ACCEPT or ESCALATE, from the client's reply form. */
    public static final String RESPONSE = "complaintResponse";

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

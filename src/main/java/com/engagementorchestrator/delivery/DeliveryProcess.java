package com.engagementorchestrator.delivery;

/** The facade of processes/delivery-review.bpmn: its key, element ids and variables. */
public final class DeliveryProcess {

    public static final String KEY = "delivery-review";
    public static final String DELIVERABLE_ID = "deliverableId";
    /** ACCEPT or CHANGES, from the client's review form. */
    public static final String DECISION = "deliveryDecision";
    /** IN_SCOPE or CHANGE_ORDER, from the freelancer's assessment. */
    public static final String ASSESSMENT = "changeAssessment";

    private DeliveryProcess() {
    }

    public static final class Elements {
        /** The engagement ended (completed, terminated, declined): the message ending/EngagementEnding sends. */
        public static final String ENGAGEMENT_ENDED = "EngagementEndedStartEvent";
        public static final String ENDED_WITH_THE_ENGAGEMENT = "EndedWithTheEngagementEndEvent";
        public static final String REVIEW_DELIVERY = "ReviewDeliveryTask";
        public static final String REMINDER_TIMER = "DeliveryReminderTimerEvent";
        public static final String SEND_REMINDER = "SendDeliveryReminderTask";
        public static final String SILENCE_TIMER = "DeliverySilenceTimerEvent";
        public static final String AUTO_ACCEPT = "AutoAcceptDeliveryTask";
        public static final String AUTO_ACCEPTED = "DeliveryAutoAcceptedEndEvent";
        public static final String ACCEPT_DELIVERY = "AcceptDeliveryTask";
        public static final String ACCEPTED = "DeliveryAcceptedEndEvent";
        public static final String ASSESS_CHANGE_REQUEST = "AssessChangeRequestTask";
        public static final String REQUIRE_CHANGE_ORDER = "RequireChangeOrderTask";
        public static final String RECORD_CHANGE_ORDER = "RecordChangeOrderTask";
        public static final String REWORK = "ReworkDeliveryTask";

        private Elements() {
        }
    }
}

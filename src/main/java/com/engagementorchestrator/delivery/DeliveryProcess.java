package com.engagementorchestrator.delivery;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.longVariable;
import static com.engagementorchestrator.common.ProcessVariable.stringVariable;

import com.engagementorchestrator.common.ProcessVariable;

/** The facade of processes/delivery-review.bpmn: its key, element ids and variables. */
public final class DeliveryProcess {

    public static final String KEY = "delivery-review";

    /* Its variables, each declared once with its type and scope. */
    public static final ProcessVariable<Long> DELIVERABLE_ID = longVariable("deliverableId", PROCESS);
    public static final ProcessVariable<Long> ENGAGEMENT_ID = longVariable("engagementId", PROCESS);
    /**
     * The engagement's number: a review's business key is the number and the result's id, and what it calls on the
     * engagement's behalf (collect-payment) carries the engagement's number, as every instance of its hierarchy does.
     */
    public static final ProcessVariable<String> ENGAGEMENT_NUMBER = stringVariable("engagementNumber", PROCESS);
    public static final ProcessVariable<String> CLIENT_USER_ID = stringVariable("clientUserId", PROCESS);
    /** ACCEPT or CHANGES, from the client's review form. */
    public static final ProcessVariable<String> DECISION = stringVariable("deliveryDecision", PROCESS);
    public static final ProcessVariable<String> CHANGE_REQUEST = stringVariable("changeRequest", PROCESS);
    /** IN_SCOPE or CHANGE_ORDER, from the freelancer's assessment. */
    public static final ProcessVariable<String> ASSESSMENT = stringVariable("changeAssessment", PROCESS);
    public static final ProcessVariable<String> ASSESSMENT_NOTE = stringVariable("assessmentNote", PROCESS);
    /** The change order form: the signed protocol and the extra cost (text or number). */
    public static final ProcessVariable<String> CHANGE_ORDER_PROTOCOL = stringVariable("changeOrderProtocol", PROCESS);
    public static final ProcessVariable<String> EXTRA_COST = stringVariable("extraCost", PROCESS);
    /** The change order's invoice when it costs more (null when not): collect-payment collects it before the rework. */
    public static final ProcessVariable<String> CHANGE_ORDER_INVOICE_NUMBER = stringVariable("changeOrderInvoiceNumber", PROCESS);
    /** Shown by the review forms (task-local, read-only). */
    public static final ProcessVariable<String> DELIVERY_TITLE = stringVariable("deliveryTitle", LOCAL);
    public static final ProcessVariable<String> DELIVERY_PREVIEW = stringVariable("deliveryPreview", LOCAL);
    public static final ProcessVariable<String> DELIVERY_CHANGE_REQUEST = stringVariable("deliveryChangeRequest", LOCAL);
    /**
     * Shown by the engagement's "Work delivered" task (task-local, read-only): where every result stands. That task is
     * the engagement's; its engagementId is the engagement's own.
     */
    public static final ProcessVariable<String> DELIVERED_WORK = stringVariable("deliveredWork", LOCAL);

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
        public static final String CHANGE_ORDER_COST = "ChangeOrderCostGateway";
        /** Calls collect-payment for the change order's invoice; the rework starts once it is paid. */
        public static final String COLLECT_CHANGE_ORDER_PAYMENT = "CollectChangeOrderPaymentCallActivity";
        public static final String REWORK = "ReworkDeliveryTask";

        private Elements() {
        }
    }
}

package com.engagementorchestrator.delivery;

/**
 * The facade of the work phase of an engagement (processes/engagement-work.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class WorkProcess {

    public static final String KEY = "engagement-work";

    private WorkProcess() {
    }

    /** Element ids of processes/engagement-work.bpmn. */
    public static final class Elements {
        public static final String STARTED = "WorkStartEvent";
        public static final String WORK_DONE = "WorkDoneEndEvent";
        public static final String COMPLETE_MATERIALS = "CompleteMaterialsTask";
        /** The freelancer's task; DeliveryService completes it (Tasklist or the API). */
        public static final String WORK_DELIVERED = "WorkDeliveredTask";

        private Elements() {
        }
    }
}

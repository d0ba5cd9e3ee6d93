package com.engagementorchestrator.closure;

/**
 * The facade of the closure phase of an engagement (processes/engagement-closure.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class ClosureProcess {

    public static final String KEY = "engagement-closure";

    private ClosureProcess() {
    }

    /** Element ids of processes/engagement-closure.bpmn. */
    public static final class Elements {
        public static final String STARTED = "ClosureStartEvent";
        public static final String ORIGINALS_RELEASED = "OriginalsReleasedEndEvent";
        public static final String COMPLETE_ENGAGEMENT = "CompleteEngagementTask";

        private Elements() {
        }
    }
}

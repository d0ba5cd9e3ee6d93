package com.engagementorchestrator.materials;

/**
 * The facade of the materials phase (the brief and the materials) of an engagement (processes/engagement-materials.bpmn), called by the engagement (engagement.EngagementProcess) with
 * its business key and variables: its key and the ids of its elements. Code and tests name the model only through here.
 */
public final class MaterialsProcess {

    public static final String KEY = "engagement-materials";

    private MaterialsProcess() {
    }

    /** Element ids of processes/engagement-materials.bpmn. */
    public static final class Elements {
        public static final String STARTED = "MaterialsStartEvent";
        public static final String MATERIALS_DONE = "MaterialsCompleteEndEvent";
        public static final String PREPARE_BRIEF = "PrepareBriefTask";
        public static final String SEND_BRIEF = "SendBriefTask";
        public static final String MATERIALS_ROUND_MERGE = "MaterialsRoundMergeGateway";
        public static final String AWAIT_MATERIALS = "AwaitMaterialsSubProcess";
        public static final String PROVIDE_MATERIALS = "ProvideMaterialsTask";
        public static final String MATERIALS_OBLIGATION = "MaterialsObligationCallActivity";
        public static final String MATERIALS_TASK_WITHDRAWN = "MaterialsTaskWithdrawnBoundaryEvent";
        public static final String MATERIALS_DUE_AGAIN = "MaterialsDueAgainBoundaryEvent";
        public static final String RENEW_MATERIALS_DUE_DATES = "RenewMaterialsDueDateTask";
        public static final String MATERIALS_TO_REVIEW = "MaterialsToReviewGateway";
        public static final String REVIEW_MATERIALS = "ReviewMaterialsTask";
        public static final String MATERIALS_COMPLETE = "MaterialsCompleteGateway";
        public static final String REQUEST_MISSING_MATERIALS = "RequestMissingMaterialsTask";

        private Elements() {
        }
    }
}

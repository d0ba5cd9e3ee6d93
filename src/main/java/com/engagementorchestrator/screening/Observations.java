package com.engagementorchestrator.screening;

/**
 * What the moderator learned in the intro call. Each flag feeds one marker of DOMAIN.md in screening-rules.dmn.
 */
public record Observations(
        boolean anonymity,                    // M2: asked directly, would not say who they are
        boolean brokenPromises,               // M3: promised before the call and did not do
        boolean brokenPromisesRepeatedly,     // M3: again and again
        String promisesBeforeCall,            // M3: what they promised and did not do
        boolean blamesPrevious,               // M7
        boolean previousContractorsWereRight, // M7: asked what went wrong, the contractors had done it right
        boolean sinkingShip,                  // M8
        boolean partnersSplit,                // M8, the worst case together with a failing business
        boolean companyReviewsBad,            // M5: reviews show the company breaks its obligations
        boolean noClearGoal,                  // F1
        boolean wontCompromise,               // F2
        boolean noDecisionsButActive          // F3
) {
    public static final Observations NONE = new Observations(false, false, false, null, false, false, false, false,
            false, false, false, false);
}

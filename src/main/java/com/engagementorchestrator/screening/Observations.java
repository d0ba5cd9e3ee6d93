package com.engagementorchestrator.screening;

/**
 * What the moderator observed in the intro call. Each flag feeds one marker of DOMAIN.md in the screening DMN.
 */
public record Observations(
        boolean brokenPromises,      // M3
        boolean anonymity,           // M2
        boolean blamesPrevious,      // M7
        boolean sinkingShip,         // M8
        boolean partnersSplit,       // M8, the worst case
        boolean noClearGoal,         // F1
        boolean wontCompromise,      // F2
        boolean noDecisionsButActive // F3
) {
    public static final Observations NONE = new Observations(false, false, false, false, false, false, false, false);
}

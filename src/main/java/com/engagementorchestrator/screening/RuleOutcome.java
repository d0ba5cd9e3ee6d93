package com.engagementorchestrator.screening;

import java.util.List;

/**
 * What the screening DMN decided: the fired markers, their total weight, the verdict, and whether a moderator calls
 * the client before deciding (the intro-call table; read only when the verdict is not DECLINE).
 */
public record RuleOutcome(List<Marker> markers, int score, Verdict verdict, boolean introCallNeeded) {
}

package com.engagementorchestrator.screening;

import java.util.List;

/** What the screening DMN decided: the fired markers, their total weight and the verdict. */
public record RuleOutcome(List<Marker> markers, int score, Verdict verdict) {
}

package com.engagementorchestrator.screening;

/**
 * A red flag that fired: its DOMAIN.md id (M1..M8, F1..F3, H1 for a remembered earlier engagement), the signal that
 * fired it (the decision key in screening-rules.dmn, e.g. marker-f2-budget), its weight and why it fired.
 */
public record Marker(String id, String signal, int weight, String reason) {
}

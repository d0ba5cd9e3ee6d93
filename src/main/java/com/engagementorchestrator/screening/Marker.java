package com.engagementorchestrator.screening;

/** A red flag that fired: its DOMAIN.md id (M1..M8, F1..F3), its weight and why it fired. */
public record Marker(String id, int weight, String reason) {
}

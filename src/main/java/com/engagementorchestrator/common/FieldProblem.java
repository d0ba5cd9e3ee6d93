package com.engagementorchestrator.common;

/** One offending input field and why it is rejected. */
public record FieldProblem(String field, String message) {
}

package com.engagementorchestrator.common;

/** Answered as 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}

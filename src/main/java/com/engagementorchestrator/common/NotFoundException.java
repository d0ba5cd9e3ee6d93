package com.engagementorchestrator.common;

/** Answered as 404; also used where revealing existence to a caller without access would leak data. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

package com.engagementorchestrator.complaint;

import org.springframework.stereotype.Component;

/** What the gateway of the complaint subprocess asks: {@code ${complaintOutcome.escalated(complaintId)}}. */
@Component("complaintOutcome")
public class ComplaintOutcome {

    private final ComplaintService complaints;

    public ComplaintOutcome(ComplaintService complaints) {
        this.complaints = complaints;
    }

    public boolean escalated(Object complaintId) {
        return complaints.get(((Number) complaintId).longValue()).getStatus() == Complaint.Status.ESCALATED;
    }
}

package com.engagementorchestrator.complaint;

import com.engagementorchestrator.common.Time;
import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Deadlines of the complaint steps, from configuration (engagement.complaints.*). */
@Component("complaintTimers")
public class ComplaintTimers {


    private final Duration answerWithin;
    private final Duration responseWithin;

    public ComplaintTimers(@Value("${engagement.complaints.answer-within:P2D}") Duration answerWithin,
                           @Value("${engagement.complaints.response-within:P7D}") Duration responseWithin) {
        this.answerWithin = answerWithin;
        this.responseWithin = responseWithin;
    }

    public String answerWithin() {
        return answerWithin.toString();
    }

    public Date answerDueDate() {
        return Date.from(Time.now().plus(answerWithin));
    }

    public String responseWithin() {
        return responseWithin.toString();
    }

    public Date responseDueDate() {
        return Date.from(Time.now().plus(responseWithin));
    }
}

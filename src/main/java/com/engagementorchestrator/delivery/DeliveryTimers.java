package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.Time;
import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The client's time to review a result, and when they are reminded (engagement.delivery.*). */
@Component("deliveryTimers")
public class DeliveryTimers {

    private final Duration acceptWithin;
    private final Duration remindAfter;

    public DeliveryTimers(@Value("${engagement.delivery.accept-within:P14D}") Duration acceptWithin,
                          @Value("${engagement.delivery.remind-after:P10D}") Duration remindAfter) {
        this.acceptWithin = acceptWithin;
        this.remindAfter = remindAfter;
    }

    public String acceptWithin() {
        return acceptWithin.toString();
    }

    public String remindAfter() {
        return remindAfter.toString();
    }

    public Date silenceDate() {
        return Date.from(Time.now().plus(acceptWithin));
    }

    String silenceDateText() {
        return Time.isoDate(Time.now().plus(acceptWithin));
    }
}

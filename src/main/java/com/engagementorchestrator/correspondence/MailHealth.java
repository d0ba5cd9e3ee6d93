package com.engagementorchestrator.correspondence;

import com.engagementorchestrator.common.BoundedProbe;
import com.engagementorchestrator.common.Time;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outgoing mail for {@code /actuator/health} ("mail"; replaces Spring Boot's, which connects to the relay and
 * would wait on a stalled one): DOWN while letters wait longer than {@code engagement.mail.backlog-after} or a letter
 * is stuck SENDING past its lease, with the backlog and the relay's last failure in the details. It reads only the
 * correspondence log, with a timeout (a hung database: UNKNOWN within {@code engagement.health.timeout}).
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator {

    private final CorrespondenceLog log;
    private final MailDispatcher dispatcher;
    private final Duration backlogAfter;
    private final BoundedProbe probe;

    MailHealth(CorrespondenceLog log, MailDispatcher dispatcher,
               @Value("${engagement.mail.backlog-after:PT10M}") Duration backlogAfter,
               @Value("${engagement.health.timeout:PT2S}") Duration timeout) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.backlogAfter = backlogAfter;
        this.probe = new BoundedProbe("mail", timeout);
    }

    private record Backlog(long overdue, long stuckSending, Instant oldestWaitingSince) {
    }

    @Override
    public Health health() {
        if (!dispatcher.canSend()) {
            return Health.up().withDetail("smtp", "not configured: letters are only recorded").build();
        }
        Backlog backlog;
        try {
            backlog = probe.call(() -> {
                Instant now = Time.now();
                return new Backlog(log.countWaitingSince(now.minus(backlogAfter)), log.countStuckSending(now),
                        log.oldestWaiting().orElse(null));
            });
        } catch (TimeoutException e) {
            return Health.unknown().withDetail("error", "the correspondence log gave no answer within " + probe.timeout()).build();
        } catch (Exception e) {
            return Health.unknown().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("waitingLongerThan", backlogAfter.toString());
        details.put("overdue", backlog.overdue());
        details.put("stuckSending", backlog.stuckSending());
        if (backlog.oldestWaitingSince() != null) {
            details.put("oldestWaitingSince", backlog.oldestWaitingSince().toString());
        }
        details.put("sentButNotYetMarked", dispatcher.acceptedButUnmarked());
        dispatcher.relayFailure().ifPresent(failure -> {
            details.put("relayFailingSince", failure.since().toString());
            details.put("relayError", failure.error());
        });
        boolean backlogged = backlog.overdue() > 0 || backlog.stuckSending() > 0;
        return (backlogged ? Health.down() : Health.up()).withDetails(details).build();
    }

    @PreDestroy
    void stop() {
        probe.stop();
    }
}

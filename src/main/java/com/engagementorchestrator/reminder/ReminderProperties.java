package com.engagementorchestrator.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the steps of the reminder ladder come, relative to the due date of what the client owes (ISO durations; a
 * negative one is before the date). Seed 002: a friendly reminder, then why the answer matters and whether everything
 * is all right, then a formal warning, then the deadline and a breach.
 */
@ConfigurationProperties("engagement.reminders")
public record ReminderProperties(Duration friendly, Duration concern, Duration warning, Duration deadline) {

    public ReminderProperties {
        friendly = friendly == null ? Duration.ofDays(-2) : friendly;
        concern = concern == null ? Duration.ofDays(1) : concern;
        warning = warning == null ? Duration.ofDays(3) : warning;
        deadline = deadline == null ? Duration.ofDays(7) : deadline;
        if (!(friendly.compareTo(concern) < 0 && !concern.isNegative() && concern.compareTo(warning) < 0
                && warning.compareTo(deadline) < 0)) {
            throw new IllegalArgumentException("engagement.reminders must be in order friendly < 0 <= concern < warning < "
                    + "deadline, got " + friendly + ", " + concern + ", " + warning + ", " + deadline);
        }
    }
}

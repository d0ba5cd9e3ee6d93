package com.engagementorchestrator.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Domain time follows the engine clock, so tests that move the engine clock move the domain with it. */
public final class Time {

    private static final java.time.format.DateTimeFormatter ISO_DATE =
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Time() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** A moment as the date clients read in letters and forms (ISO, UTC). */
    public static String isoDate(Instant instant) {
        return ISO_DATE.format(instant);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}

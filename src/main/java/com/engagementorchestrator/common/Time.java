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

    /**
     * The last day on which something due at this moment is on time, as letters name it: a date kept as the midnight
     * that ends it (a brief item due on 5 December is due at 6 December 00:00) reads as that date, 5 December.
     */
    public static String isoDueDate(Instant dueAt) {
        return isoDate(dueAt.minusNanos(1));
    }

    /**
     * An ISO date as typed by a person: also refused (as unparsable) when its year has not four digits, since
     * {@code +999999999-12-31} parses but no database column holds it.
     */
    public static LocalDate parseDate(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            throw new java.time.format.DateTimeParseException("the year must have four digits", text, 0);
        }
        return date;
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}

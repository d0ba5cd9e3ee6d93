package com.engagementorchestrator.stats;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.Time;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Moderators' statistics: {@code GET /api/stats?from=2026-01-01&to=2026-01-31} (the engagements registered in those days,
 * both included, UTC; default the last 30 days) and the page at /stats. Moderators and admins only (SecurityConfiguration).
 */
@Controller
class StatsController {

    static final int DEFAULT_DAYS = 30;

    private final ModerationStats stats;

    StatsController(ModerationStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/stats")
    @ResponseBody
    ModerationStats.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate last = to == null || to.isBlank() ? Time.today() : date("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "the first day (" + first + ") is after the last day (" + last + ")");
        }
        return stats.report(first, last);
    }

    @GetMapping("/stats")
    String page() {
        return "forward:/stats.html";
    }

    private static LocalDate date(String field, String text) {
        try {
            return Time.parseDate(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO date such as 2026-01-31");
        }
    }
}

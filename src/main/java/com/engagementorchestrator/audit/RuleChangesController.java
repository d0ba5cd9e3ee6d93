package com.engagementorchestrator.audit;

import com.engagementorchestrator.common.InvalidInputException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit of rule changes: {@code GET /api/rules/changes} (newest first; filter by key, kind, changed only; paged
 * by offset and limit) and the page at /rule-changes (top level, like /stats: a browser signed in with Basic
 * sends the credentials along to /api only from pages at the top level). Analysts, moderators and admins only (SecurityConfiguration).
 */
@Controller
class RuleChangesController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final RuleChanges changes;

    RuleChangesController(RuleChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/api/rules/changes")
    @ResponseBody
    RuleChanges.Page changes(@RequestParam(required = false) String key,
                             @RequestParam(required = false) String kind,
                             @RequestParam(defaultValue = "false") String changedOnly,
                             @RequestParam(defaultValue = "0") String offset,
                             @RequestParam(defaultValue = "" + DEFAULT_LIMIT) String limit) {
        return changes.find(key == null || key.isBlank() ? null : key.trim(), kind(kind), bool("changedOnly", changedOnly),
                number("offset", offset, 0, Integer.MAX_VALUE), number("limit", limit, 1, MAX_LIMIT));
    }

    @GetMapping("/rule-changes")
    String page() {
        return "forward:/rule-changes.html";
    }

    private static RuleChanges.Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RuleChanges.Kind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "PROCESS or DECISION, not \"" + text + "\"");
        }
    }

    private static boolean bool(String field, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new InvalidInputException(field, "true or false, not \"" + text + "\"");
        };
    }

    private static int number(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, "a whole number from " + min + " to " + max + ", not \"" + text + "\"");
    }
}

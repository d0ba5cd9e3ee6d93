package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A protocol as the moderator's Tasklist form holds it: one entry per line; agreements as
 * {@code CLIENT | what | 2027-03-31} or {@code FREELANCER | what | date}.
 */
final class ProtocolForms {

    static final String MEETING_DATE = "meetingDate";
    static final String PARTICIPANTS = "participants";
    static final String DECISIONS = "decisions";
    static final String AGREEMENTS = "agreements";
    static final String OPEN_QUESTIONS = "openQuestions";

    private ProtocolForms() {
    }

    static ProtocolContent parse(Function<String, String> field) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate meeting = null;
        String date = field.apply(MEETING_DATE);
        if (date != null) {
            try {
                meeting = Time.parseDate(date.length() > 10 ? date.substring(0, 10) : date);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(MEETING_DATE, "must be a date such as 2026-11-20"));
            }
        }
        List<ProtocolContent.Agreement> agreements = new ArrayList<>();
        List<String> agreementLines = lines(field.apply(AGREEMENTS));
        for (int i = 0; i < agreementLines.size(); i++) {
            String[] parts = agreementLines.get(i).split("\\|", -1);
            String where = "line " + (i + 1) + ": ";
            if (parts.length != 3) {
                problems.add(new FieldProblem(AGREEMENTS, where + "write CLIENT or FREELANCER | what | date"));
                continue;
            }
            try {
                agreements.add(new ProtocolContent.Agreement(ProtocolAgreement.Party.valueOf(parts[0].trim().toUpperCase()),
                        parts[1].trim(), Time.parseDate(parts[2].trim())));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new FieldProblem(AGREEMENTS, where + "who owes it is CLIENT or FREELANCER, the date is like 2027-03-31"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProtocolContent(meeting, lines(field.apply(PARTICIPANTS)), lines(field.apply(DECISIONS)), agreements,
                lines(field.apply(OPEN_QUESTIONS)));
    }

    static Map<String, Object> fields(ProtocolContent content) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(MEETING_DATE, content.meetingDate().toString());
        fields.put(PARTICIPANTS, String.join("\n", content.participants()));
        fields.put(DECISIONS, String.join("\n", content.decisions()));
        fields.put(AGREEMENTS, content.agreements().stream()
                .map(a -> a.owedBy() + " | " + a.what() + " | " + a.dueDate()).collect(Collectors.joining("\n")));
        fields.put(OPEN_QUESTIONS, String.join("\n", content.openQuestions()));
        return fields;
    }

    /**
     * The protocol as readable text for the signing form, in the reader's words ({@code words}: template key and
     * arguments to text, see protocol.text.* in messages/correspondence*.properties). Only the display: the SHA-256
     * is of the content itself, whatever language it is shown in.
     */
    static String text(Protocol protocol, java.util.function.BiFunction<String, Object[], String> words) {
        ProtocolContent c = protocol.content();
        StringBuilder text = new StringBuilder();
        text.append(words.apply("protocol.text.head", new Object[] {protocol.getNumber(), protocol.getVersion(),
                String.valueOf(c.meetingDate())})).append("\n\n").append(words.apply("protocol.text.participants", null)).append('\n');
        c.participants().forEach(p -> text.append("- ").append(p).append('\n'));
        text.append('\n').append(words.apply("protocol.text.decisions", null)).append('\n');
        c.decisions().forEach(d -> text.append("- ").append(d).append('\n'));
        text.append('\n').append(words.apply("protocol.text.agreements", null)).append('\n');
        c.agreements().forEach(a -> text.append("- ").append(words.apply("protocol.text.agreement", new Object[] {
                words.apply("protocol.party." + a.owedBy().name(), null), String.valueOf(a.dueDate()), a.what()})).append('\n'));
        text.append('\n').append(words.apply("protocol.text.openQuestions", null)).append('\n');
        c.openQuestions().forEach(q -> text.append("- ").append(q).append('\n'));
        text.append('\n').append(words.apply("protocol.text.sha", new Object[] {protocol.getContentSha256()}));
        return text.toString();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}

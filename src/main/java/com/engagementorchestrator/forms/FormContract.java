package com.engagementorchestrator.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one form lets a person write and read, taken from the deployed form itself so that analysts change it in one
 * place. A Camunda Form (.form) writes its editable fields and shows all of its fields and option lists. An embedded
 * HTML form writes its {@code cam-variable-name} inputs plus the names its {@code <form data-submits>} attribute
 * declares ({@code file_*} for one variable per brief item) and shows those plus {@code <form data-shows>}.
 *
 * @param writable    names a submission may carry
 * @param patterns    name patterns a submission may carry ({@code *} stands for digits: a record id of the form)
 * @param readonly    fields the form shows but a person cannot change; submitted values are dropped
 * @param readable    names the form shows
 * @param multiValued fields whose value is a list (checklist, tag list)
 */
public record FormContract(Set<String> writable, List<Pattern> patterns, Set<String> readonly, Set<String> readable,
                           Set<String> multiValued) {

    /** A task without a form: nothing may be submitted and nothing is shown. */
    public static final FormContract NONE = new FormContract(Set.of(), List.of(), Set.of(), Set.of(), Set.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MULTI_VALUED_TYPES = Set.of("checklist", "taglist");

    public boolean allowsWriting(String name) {
        return writable.contains(name) || patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    public boolean allowsReading(String name) {
        return readable.contains(name) || allowsWriting(name);
    }

    /** Parses a deployed form: JSON for a Camunda Form, HTML for an embedded form. */
    public static FormContract parse(String content) {
        String trimmed = content.strip();
        return trimmed.startsWith("{") ? camundaForm(trimmed) : embeddedForm(trimmed);
    }

    private static FormContract camundaForm(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("The deployed Camunda Form is not valid JSON", e);
        }
        Set<String> writable = new LinkedHashSet<>();
        Set<String> readonly = new LinkedHashSet<>();
        Set<String> readable = new LinkedHashSet<>();
        Set<String> multi = new LinkedHashSet<>();
        collect(root.path("components"), writable, readonly, readable, multi);
        return new FormContract(Set.copyOf(writable), List.of(), Set.copyOf(readonly), Set.copyOf(readable), Set.copyOf(multi));
    }

    private static void collect(JsonNode components, Set<String> writable, Set<String> readonly, Set<String> readable,
                                Set<String> multi) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null && !key.isBlank()) {
                readable.add(key);
                if (isSet(component.get("readonly")) || isSet(component.get("disabled"))) {
                    readonly.add(key);
                } else {
                    writable.add(key);
                }
                if (MULTI_VALUED_TYPES.contains(component.path("type").asText())) {
                    multi.add(key);
                }
            }
            String valuesKey = component.path("valuesKey").asText(null);
            if (valuesKey != null && !valuesKey.isBlank()) {
                readable.add(valuesKey);
            }
            // Groups and dynamic lists nest their fields.
            collect(component.path("components"), writable, readonly, readable, multi);
        }
    }

    /** {@code readonly: true} or an expression that may make it read-only: either way not for the person to write. */
    private static boolean isSet(JsonNode flag) {
        return flag != null && !flag.isNull() && !(flag.isBoolean() && !flag.booleanValue());
    }

    private static FormContract embeddedForm(String html) {
        Set<String> writable = new LinkedHashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        Set<String> readable = new LinkedHashSet<>();
        Matcher variables = CAM_VARIABLE.matcher(html);
        while (variables.find()) {
            writable.add(variables.group(1).trim());
        }
        Matcher form = FORM_TAG.matcher(html);
        if (form.find()) {
            for (String name : attribute(form.group(), "data-submits")) {
                if (name.contains("*")) {
                    patterns.add(Pattern.compile(Pattern.quote(name).replace("*", "\\E[0-9]{1,18}\\Q")));
                } else {
                    writable.add(name);
                }
            }
            readable.addAll(attribute(form.group(), "data-shows"));
        }
        // Tasklist sends back what an embedded form fetched: shown values are dropped like read-only fields.
        Set<String> shownOnly = new LinkedHashSet<>(readable);
        shownOnly.removeAll(writable);
        return new FormContract(Set.copyOf(writable), List.copyOf(patterns), Set.copyOf(shownOnly), Set.copyOf(readable),
                Set.of());
    }

    private static List<String> attribute(String tag, String name) {
        Matcher m = Pattern.compile(name + "\\s*=\\s*\"([^\"]*)\"").matcher(tag);
        return m.find() ? Arrays.stream(m.group(1).trim().split("[\\s,]+")).filter(s -> !s.isBlank()).toList() : List.of();
    }
}

package com.engagementorchestrator.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Sample facts per decision key, kept with the application in decision-samples/&lt;decision-key&gt;.json, and what
 * the application needs of the answers:
 * <pre>{ "requireResult": true, "outputs": { "verdict": ["ACCEPT", "REVIEW", "DECLINE"], "weight": "number" },
 *   "samples": [ { "score": 0 }, ... ] }</pre>
 * An output is "number", "text" (not blank) or a list of the allowed texts.
 */
final class DecisionSamples {

    record Contract(boolean requireResult, Map<String, Expected> outputs, List<Map<String, Object>> samples) {
    }

    record Expected(String kind, Set<String> allowed) {
        /** @return what is wrong with the value, or null */
        String problem(Object value) {
            if (allowed != null) {
                return value instanceof String text && allowed.contains(text) ? null : "the application needs one of " + allowed;
            }
            return switch (kind) {
                case "number" -> value instanceof Number ? null : "the application needs a number";
                case "text" -> value instanceof String text && !text.isBlank() ? null : "the application needs a text";
                default -> null;
            };
        }
    }

    private final Map<String, Contract> contracts;

    private DecisionSamples(Map<String, Contract> contracts) {
        this.contracts = contracts;
    }

    Optional<Contract> forDecision(String key) {
        return Optional.ofNullable(contracts.get(key));
    }

    static DecisionSamples load(ObjectMapper json) {
        Map<String, Contract> contracts = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:decision-samples/*.json")) {
                String key = resource.getFilename().replaceFirst("\\.json$", "");
                try (InputStream in = resource.getInputStream()) {
                    contracts.put(key, contract(json.readTree(in), json));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The decision samples cannot be read", e);
        }
        return new DecisionSamples(contracts);
    }

    @SuppressWarnings("unchecked")
    private static Contract contract(JsonNode node, ObjectMapper json) {
        Map<String, Expected> outputs = new LinkedHashMap<>();
        node.path("outputs").fields().forEachRemaining(field -> outputs.put(field.getKey(), field.getValue().isArray()
                ? new Expected("one-of", Set.copyOf(json.convertValue(field.getValue(), List.class)))
                : new Expected(field.getValue().asText(), null)));
        List<Map<String, Object>> samples = new ArrayList<>();
        node.path("samples").forEach(sample -> samples.add(json.convertValue(sample, LinkedHashMap.class)));
        return new Contract(node.path("requireResult").asBoolean(false), outputs, samples);
    }
}

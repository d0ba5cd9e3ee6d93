package com.engagementorchestrator.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flow-node coverage of every process over the whole test suite: the union of what every test class reached (each
 * class writes its own report to target/process-test-coverage). Run by Maven after the tests (phase verify); fails
 * the build when a process falls below the minimum, and lists what no test reaches.
 */
public final class CoverageGate {

    static final Pattern ELEMENT = Pattern.compile(
            "<bpmn:(?:serviceTask|userTask|startEvent|endEvent|exclusiveGateway|parallelGateway|intermediateCatchEvent|"
                    + "boundaryEvent|callActivity|subProcess|sequenceFlow)\\b[^>]*\\sid=\"([^\"]+)\"");

    private CoverageGate() {
    }

    public static void main(String[] args) throws IOException {
        Path reports = Paths.get(args.length > 0 ? args[0] : "target/process-test-coverage");
        double minimum = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
        if (!Files.isDirectory(reports)) {
            throw new IllegalStateException("No coverage reports in " + reports.toAbsolutePath() + ": did the tests run?");
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> elements = new TreeMap<>();
        Map<String, Set<String>> reached = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        }
        for (Path file : files) {
            JsonNode report = json.readTree(file.toFile());
            for (JsonNode model : report.path("models")) {
                Set<String> ids = elements.computeIfAbsent(model.path("key").asText(), k -> new HashSet<>());
                Matcher matcher = ELEMENT.matcher(model.path("xml").asText());
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
            for (JsonNode suite : report.path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        reached.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                                .add(event.path("definitionKey").asText());
                    }
                }
            }
        }
        boolean failed = elements.isEmpty();
        for (var process : elements.entrySet()) {
            Set<String> missing = new java.util.TreeSet<>(process.getValue());
            missing.removeAll(reached.getOrDefault(process.getKey(), Set.of()));
            double coverage = 1.0 - (double) missing.size() / process.getValue().size();
            System.out.printf("Flow-node coverage of %-16s %5.1f %% (%d of %d elements)%s%n", process.getKey(), coverage * 100,
                    process.getValue().size() - missing.size(), process.getValue().size(),
                    missing.isEmpty() ? "" : "; not reached: " + String.join(", ", missing));
            failed |= coverage < minimum;
        }
        if (failed) {
            throw new IllegalStateException("Flow-node coverage below " + minimum * 100 + " % (or no reports in " + reports + ")");
        }
    }
}

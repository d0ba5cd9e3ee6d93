package com.engagementorchestrator.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * What a DMN model may contain: FEEL only (JUEL and scripts in a decision run as the server, FEEL's external Java
 * functions too), every cell must parse, and every decision the application evaluates must give usable answers for
 * the sample facts kept with the application (decision-samples/), so a broken table is refused at deployment instead
 * of failing every registration later.
 */
final class DmnCheck {

    private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");
    private static final Set<String> UNARY_TESTS = Set.of("inputEntry", "inputValues", "outputValues",
            "allowedValues");
    private static final Set<String> EXPRESSIONS = Set.of("inputExpression", "outputEntry",
            "literalExpression", "defaultOutputEntry");

    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
    private final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> evaluated = ThreadLocal.withInitial(ArrayList::new);
    private final DmnEngine dmn;
    private final DecisionSamples samples;

    DmnCheck(DecisionSamples samples) {
        this.samples = samples;
        // A DMN engine of our own with the engine's defaults (FEEL): evaluating here writes no history.
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setCustomPostDecisionTableEvaluationListeners(List.of(event -> evaluated.get().add(event)));
        this.dmn = configuration.buildEngine();
    }

    List<Finding> check(byte[] xml) {
        List<Finding> findings = new ArrayList<>();
        try {
            ModelXml.walk(xml, new Cells(findings));
        } catch (SAXException e) {
            findings.add(new Finding("the model is not readable XML: " + e.getMessage(), 0, 0, null));
        }
        if (findings.isEmpty()) {
            findings.addAll(evaluateSamples(xml));
        }
        return findings;
    }

    /** Every cell on its own: the language, FEEL that parses, no external functions. */
    private final class Cells implements ModelXml.Visitor {
        private final List<Finding> findings;
        private String decision;
        private String rule;
        private final List<String> inputs = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private int inputEntry;
        private int outputEntry;

        Cells(List<Finding> findings) {
            this.findings = findings;
        }

        @Override
        public void element(ModelXml.Place place, String uri, String name, Attributes attributes) {
            switch (name) {
                case "decision" -> {
                    decision = attributes.getValue("id");
                    inputs.clear();
                    outputs.clear();
                }
                case "input" -> inputs.add(firstNonNull(attributes.getValue("label"), attributes.getValue("id")));
                case "output" -> outputs.add(firstNonNull(attributes.getValue("name"), attributes.getValue("label"),
                        attributes.getValue("id")));
                case "rule" -> {
                    rule = attributes.getValue("id");
                    inputEntry = 0;
                    outputEntry = 0;
                }
                case "inputEntry" -> inputEntry++;
                case "outputEntry" -> outputEntry++;
                default -> {
                }
            }
            String language = attributes.getValue("expressionLanguage");
            if (language != null && !isFeel(language)) {
                add(place, where(name) + ": only FEEL is allowed in decisions, not expressionLanguage=\"" + language
                        + "\" (JUEL and scripts run as the server)");
            }
        }

        @Override
        public void text(ModelXml.Place place, String uri, String name, String text) {
            String cell = place.parent();
            if (!name.equals("text") || !(UNARY_TESTS.contains(cell) || EXPRESSIONS.contains(cell))) {
                return;
            }
            if (EXTERNAL_FUNCTION.matcher(text).find()) {
                add(place, where(cell) + ": FEEL external (Java) functions are not allowed: " + text);
                return;
            }
            ParseResult parsed = UNARY_TESTS.contains(cell) ? feel.parseUnaryTests(text) : feel.parseExpression(text);
            if (parsed.isFailure()) {
                add(place, where(cell) + ": the FEEL \"" + text + "\" is not valid: " + parsed.failure().message());
            }
        }

        private String where(String cell) {
            String table = "decision '" + decision + "'";
            return switch (cell) {
                case "inputEntry" -> table + ", rule '" + rule + "', input '" + label(inputs, inputEntry) + "'";
                case "outputEntry" -> table + ", rule '" + rule + "', output '" + label(outputs, outputEntry) + "'";
                case "inputExpression" -> table + ", input expression of '" + label(inputs, inputs.size()) + "'";
                default -> table + " (" + cell + ")";
            };
        }

        private void add(ModelXml.Place place, String message) {
            findings.add(new Finding(message, place.line(), place.column(), place.elementId()));
        }
    }

    /** The application's sample facts through every decision it evaluates: no error, the outputs it relies on. */
    private List<Finding> evaluateSamples(byte[] xml) {
        List<Finding> findings = new ArrayList<>();
        List<DmnDecision> decisions;
        try {
            decisions = dmn.parseDecisions(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            findings.add(new Finding("the decisions cannot be read: " + e.getMessage(), 0, 0, null));
            return findings;
        }
        for (DmnDecision decision : decisions) {
            DecisionSamples.Contract contract = samples.forDecision(decision.getKey()).orElse(null);
            if (contract == null) {
                continue;
            }
            int number = 0;
            for (Map<String, Object> facts : contract.samples()) {
                number++;
                String sample = "decision '" + decision.getKey() + "', sample " + number + " of decision-samples/"
                        + decision.getKey() + ".json " + facts;
                evaluated.get().clear();
                try {
                    DmnDecisionResult result = dmn.evaluateDecision(decision, facts);
                    if (contract.requireResult() && result.isEmpty()) {
                        findings.add(new Finding(sample + ": no rule matched, and the application needs an answer",
                                0, 0, decision.getKey()));
                    }
                    boolean table = false;
                    for (DmnDecisionTableEvaluationEvent event : evaluated.get()) {
                        if (decision.getKey().equals(event.getDecisionTable().getKey())) {
                            table = true;
                            for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                                checkOutputs(contract, sample, rule, findings);
                            }
                        }
                    }
                    if (!table) {
                        // Not a table (a literal expression): check the answers themselves.
                        for (Map<String, Object> row : result.getResultList()) {
                            contract.outputs().forEach((name, expected) -> {
                                String problem = expected.problem(row.get(name));
                                if (problem != null) {
                                    findings.add(new Finding(sample + ": gives " + name + " = " + row.get(name) + ", "
                                            + problem, 0, 0, decision.getKey()));
                                }
                            });
                        }
                    }
                } catch (RuntimeException e) {
                    findings.add(new Finding(sample + ": " + e.getMessage(), 0, 0, decision.getKey()));
                } finally {
                    evaluated.get().clear();
                }
            }
        }
        return findings;
    }

    private static void checkOutputs(DecisionSamples.Contract contract, String sample, DmnEvaluatedDecisionRule rule,
                                     List<Finding> findings) {
        Map<String, DmnEvaluatedOutput> outputs = rule.getOutputEntries();
        contract.outputs().forEach((name, expected) -> {
            DmnEvaluatedOutput output = outputs.values().stream().filter(o -> name.equals(o.getOutputName()))
                    .findFirst().orElse(null);
            Object value = output == null || output.getValue() == null ? null : output.getValue().getValue();
            String problem = expected.problem(value);
            if (problem != null) {
                findings.add(new Finding(sample + ": rule '" + rule.getId() + "' gives " + name + " = " + value + ", "
                        + problem, 0, 0, rule.getId()));
            }
        });
    }

    private static boolean isFeel(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.equals("feel") || lower.equals("feel-scala") || lower.matches("https?://www\\.omg\\.org/spec/[^ ]*feel[^ ]*");
    }

    private static String label(List<String> labels, int position) {
        return position >= 1 && position <= labels.size() ? labels.get(position - 1) : "#" + position;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "?";
    }
}

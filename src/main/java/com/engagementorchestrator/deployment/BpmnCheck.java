package com.engagementorchestrator.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * What a BPMN model may contain so that deploying it is not running code on the server: no scripts of any kind, no
 * Java classes, no connectors, and JUEL expressions only as {@link ExpressionPolicy} allows. Forms only from the
 * deployment or the application (never a URL Tasklist would load into its own page).
 */
final class BpmnCheck {

    /** Free text for people; the engine never evaluates it. */
    private static final Set<String> PROSE = Set.of("documentation", "text", "textAnnotation");

    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
    private static final Set<String> SCRIPT_ATTRIBUTES = Set.of("scriptFormat", "language", "resource");
    private static final Set<String> BUILT_IN_CONSTRAINTS = Set.of("required", "readonly", "minlength", "maxlength",
            "min", "max");
    private static final Pattern FORM_KEY = Pattern.compile(
            "(embedded:deployment:|embedded:app:|camunda-forms:deployment:|camunda-forms:app:)(?!.*\\.\\.)(?!/)[\\w./-]+");

    private BpmnCheck() {
    }

    static List<Finding> check(byte[] xml, ExpressionPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        try {
            ModelXml.walk(xml, new ModelXml.Visitor() {
                @Override
                public void element(ModelXml.Place place, String uri, String name, Attributes attributes) {
                    if (SCRIPT_ELEMENTS.contains(name)) {
                        add(place, "scripts are not allowed (a script runs as the server): <" + name + ">");
                    }
                    // By local name in any namespace: the engine also reads the old activiti namespace.
                    if (name.equals("connector")) {
                        add(place, "connectors are not allowed: <camunda:connector>");
                    }
                    if (name.equals("constraint")
                            && !BUILT_IN_CONSTRAINTS.contains(String.valueOf(attributes.getValue("name")))) {
                        add(place, "only the built-in form field constraints are allowed, not \""
                                + attributes.getValue("name") + "\" (custom validators are Java classes)");
                    }
                    for (int i = 0; i < attributes.getLength(); i++) {
                        attribute(place, attributes.getLocalName(i), attributes.getValue(i));
                    }
                }

                private void attribute(ModelXml.Place place, String name, String value) {
                    if (name.equals("class") || name.endsWith("Class")) {
                        add(place, "Java classes are not allowed (" + name + "=\"" + value
                                + "\"); use one of the application's delegates with delegateExpression");
                    } else if (SCRIPT_ATTRIBUTES.contains(name)) {
                        add(place, "scripts are not allowed (" + name + "=\"" + value + "\")");
                    } else if (name.equals("formKey")) {
                        if (!FORM_KEY.matcher(value).matches()) {
                            add(place, "a form key must name a form of the deployment or the application, like "
                                    + "embedded:deployment:forms/pay-deposit.html; \"" + value + "\" does not");
                        }
                    } else if (name.equals("delegateExpression")) {
                        policy.check(value, true).ifPresent(reason -> add(place, reason));
                    } else if (isExpression(value)) {
                        expression(place, name, value);
                    }
                }

                @Override
                public void text(ModelXml.Place place, String uri, String name, String text) {
                    if (!PROSE.contains(name) && isExpression(text)) {
                        expression(place, name, text);
                    }
                }

                private void expression(ModelXml.Place place, String where, String value) {
                    policy.check(value, false).ifPresent(reason -> add(place, where + ": " + reason));
                }

                private void add(ModelXml.Place place, String message) {
                    findings.add(new Finding(message, place.line(), place.column(), place.elementId()));
                }
            });
        } catch (SAXException e) {
            findings.add(new Finding("the model is not readable XML: " + e.getMessage(), 0, 0, null));
        }
        return findings;
    }

    /** Learns the expressions of a shipped (trusted) model. */
    static void learn(byte[] xml, ExpressionPolicy.Learner learner) throws SAXException {
        ModelXml.walk(xml, new ModelXml.Visitor() {
            @Override
            public void element(ModelXml.Place place, String uri, String name, Attributes attributes) {
                for (int i = 0; i < attributes.getLength(); i++) {
                    String value = attributes.getValue(i);
                    if (isExpression(value)) {
                        learner.learn(value, attributes.getLocalName(i).equals("delegateExpression"));
                    }
                }
            }

            @Override
            public void text(ModelXml.Place place, String uri, String name, String text) {
                if (!PROSE.contains(name) && isExpression(text)) {
                    learner.learn(text, false);
                }
            }
        });
    }

    static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

}

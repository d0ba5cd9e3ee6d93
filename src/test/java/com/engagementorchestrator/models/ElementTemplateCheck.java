package com.engagementorchestrator.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;

/**
 * Element templates (element-templates/*.json, Camunda 7 schema) against the application's beans, and the models
 * (processes/*.bpmn) against the templates: service tasks by their delegate, call activities by the process they call
 * (with their camunda:in mappings). Answers what is wrong, one sentence per finding; no finding means both fit.
 * Bean types come from a function so the checker runs on the application context and on small samples alike.
 */
final class ElementTemplateCheck {

    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String DELEGATE_EXPRESSION = "camunda:delegateExpression";
    static final String CALLED_ELEMENT = "calledElement";
    /** The key of a camunda:in:businessKey binding among a call activity's camunda:in mappings (keyed by target). */
    static final String BUSINESS_KEY = "(businessKey)";
    /** The camunda attributes that make an element call code; an element carrying one needs a template. */
    static final List<String> IMPLEMENTATIONS = List.of("delegateExpression", "class", "expression");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One template of a file in element-templates/. */
    record Template(String file, JsonNode json) {

        String id() {
            return json.path("id").asText();
        }

        int version() {
            return json.path("version").asInt(-1);
        }

        String label() {
            return file + " " + id();
        }

        boolean appliesTo(String bpmnType) {
            for (JsonNode type : json.path("appliesTo")) {
                if (type.asText().equals(bpmnType)) {
                    return true;
                }
            }
            return false;
        }

        List<JsonNode> bindings(String type) {
            List<JsonNode> found = new ArrayList<>();
            json.path("properties").forEach(p -> {
                if (p.path("binding").path("type").asText().equals(type)) {
                    found.add(p);
                }
            });
            return found;
        }

        Optional<String> delegateExpression() {
            return bindings("property").stream()
                    .filter(p -> p.path("binding").path("name").asText().equals(DELEGATE_EXPRESSION))
                    .map(p -> p.path("value").asText()).findFirst();
        }

        Optional<String> calledElement() {
            return bindings("property").stream()
                    .filter(p -> p.path("binding").path("name").asText().equals(CALLED_ELEMENT))
                    .map(p -> p.path("value").asText()).findFirst();
        }

        /** The camunda:in mappings a call activity template binds, by target (the business key by BUSINESS_KEY). */
        Map<String, JsonNode> ins() {
            Map<String, JsonNode> byTarget = new TreeMap<>();
            bindings("camunda:in").forEach(p -> byTarget.put(inKey(p.path("binding").path("target").asText(null),
                    p.path("binding").path("variables").asText(null)), p));
            bindings("camunda:in:businessKey").forEach(p -> byTarget.put(BUSINESS_KEY, p));
            return byTarget;
        }

        /** Input or output parameters by name. */
        Map<String, JsonNode> parameters(String bindingType) {
            Map<String, JsonNode> byName = new TreeMap<>();
            bindings(bindingType).forEach(p -> byName.put(p.path("binding").path("name").asText(), p));
            return byName;
        }

        /** "event delegateExpression" of each execution listener the template adds. */
        Set<String> listeners() {
            Set<String> found = new HashSet<>();
            bindings("camunda:executionListener").forEach(p ->
                    found.add(p.path("binding").path("event").asText() + " " + p.path("value").asText()));
            return found;
        }
    }

    private ElementTemplateCheck() {
    }

    static List<Template> load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Template> templates = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = JSON.readTree(file.toFile());
                for (JsonNode template : json.isArray() ? json : JSON.createArrayNode().add(json)) {
                    templates.add(new Template(file.getFileName().toString(), template));
                }
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template parse(String file, String json) {
        try {
            return new Template(file, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, BpmnModelInstance> models(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
            files.filter(f -> f.toString().endsWith(".bpmn")).sorted()
                    .forEach(f -> models.put(f.getFileName().toString(), Bpmn.readModelFromFile(f.toFile())));
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param beanType the type of the application's bean of that name, null when there is none
     */
    static List<String> check(List<Template> templates, Map<String, BpmnModelInstance> models,
                              Function<String, Class<?>> beanType) {
        List<String> findings = new ArrayList<>();
        Map<String, Template> byId = new LinkedHashMap<>();
        for (Template template : templates) {
            checkTemplate(template, beanType, findings);
            if (byId.put(template.id() + "@" + template.version(), template) != null) {
                findings.add(template.label() + ": id and version used twice");
            }
        }
        Map<String, Template> byCalledElement = new LinkedHashMap<>();
        templates.stream().filter(t -> t.appliesTo("bpmn:CallActivity"))
                .forEach(t -> t.calledElement().ifPresent(c -> byCalledElement.put(c, t)));
        models.forEach((file, model) -> checkModel(file, model, byId, byCalledElement, findings));
        return findings;
    }

    private static void checkTemplate(Template t, Function<String, Class<?>> beanType, List<String> findings) {
        JsonNode json = t.json();
        if (!SCHEMA.equals(json.path("$schema").asText())) {
            findings.add(t.label() + ": $schema must be " + SCHEMA);
        }
        for (String field : List.of("id", "name")) {
            if (json.path(field).asText().isBlank()) {
                findings.add(t.file() + ": a template without " + field);
            }
        }
        if (!json.path("version").isInt() || t.version() < 1) {
            findings.add(t.label() + ": version must be a whole number from 1");
        }
        if (!json.path("appliesTo").isArray() || json.path("appliesTo").isEmpty()) {
            findings.add(t.label() + ": appliesTo names no BPMN element type");
        }
        if (!json.path("properties").isArray() || json.path("properties").isEmpty()) {
            findings.add(t.label() + ": no properties");
        }
        json.path("properties").forEach(p -> {
            String binding = p.path("binding").path("type").asText();
            if (binding.isBlank()) {
                findings.add(t.label() + ": property " + p.path("label").asText() + " has no binding type");
            }
            if (p.path("type").asText().equals("Dropdown") && !choices(p).contains(p.path("value").asText())) {
                findings.add(t.label() + ": the value of " + p.path("label").asText() + " is not one of its choices");
            }
        });
        if (t.appliesTo("bpmn:ServiceTask")) {
            Optional<String> delegate = t.delegateExpression();
            if (delegate.isEmpty()) {
                findings.add(t.label() + ": a service task template must fix " + DELEGATE_EXPRESSION);
            }
            delegate.ifPresent(d -> bean(t, d, JavaDelegate.class, beanType, findings));
            t.bindings("property").stream().filter(p -> p.path("binding").path("name").asText().equals(DELEGATE_EXPRESSION))
                    .filter(p -> !p.path("type").asText().equals("Hidden"))
                    .forEach(p -> findings.add(t.label() + ": the delegate must be Hidden (fixed), not " + p.path("type").asText()));
        }
        if (t.appliesTo("bpmn:CallActivity")) {
            if (t.calledElement().isEmpty()) {
                findings.add(t.label() + ": a call activity template must fix " + CALLED_ELEMENT);
            }
            t.bindings("property").stream().filter(p -> p.path("binding").path("name").asText().equals(CALLED_ELEMENT))
                    .filter(p -> !p.path("type").asText().equals("Hidden"))
                    .forEach(p -> findings.add(t.label() + ": the called process must be Hidden (fixed), not " + p.path("type").asText()));
        }
        t.bindings("camunda:executionListener").forEach(p -> {
            if (!"delegateExpression".equals(p.path("binding").path("implementationType").asText())) {
                findings.add(t.label() + ": an execution listener must be a delegateExpression");
            }
            bean(t, p.path("value").asText(), ExecutionListener.class, beanType, findings);
        });
    }

    private static void bean(Template t, String expression, Class<?> kind, Function<String, Class<?>> beanType,
                             List<String> findings) {
        Matcher m = BEAN_EXPRESSION.matcher(expression);
        if (!m.matches()) {
            findings.add(t.label() + ": " + expression + " must be ${beanName}");
            return;
        }
        Class<?> type = beanType.apply(m.group(1));
        if (type == null) {
            findings.add(t.label() + ": names the bean " + m.group(1) + ", which does not exist");
        } else if (!kind.isAssignableFrom(type)) {
            findings.add(t.label() + ": the bean " + m.group(1) + " is a " + type.getName() + ", not a "
                    + kind.getSimpleName());
        }
    }

    private static void checkModel(String file, BpmnModelInstance model, Map<String, Template> templates,
                                   Map<String, Template> byCalledElement, List<String> findings) {
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String where = file + " " + element.getElementType().getTypeName() + " " + element.getId();
            String bpmnType = "bpmn:" + Character.toUpperCase(element.getElementType().getTypeName().charAt(0))
                    + element.getElementType().getTypeName().substring(1);
            String templateId = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
            boolean callsCode = IMPLEMENTATIONS.stream()
                    .anyMatch(a -> element.getAttributeValueNs(CAMUNDA_NS, a) != null);
            Set<String> listeners = listeners(element);
            if (templateId == null) {
                if (element instanceof ServiceTask || callsCode) {
                    findings.add(where + ": uses no element template (camunda:modelerTemplate)");
                } else if (element instanceof CallActivity call && byCalledElement.containsKey(call.getCalledElement())) {
                    findings.add(where + ": calls " + call.getCalledElement() + " without its element template "
                            + byCalledElement.get(call.getCalledElement()).id() + " (camunda:modelerTemplate)");
                } else if (!listeners.isEmpty()) {
                    findings.add(where + ": execution listeners " + listeners + " without an element template");
                }
                continue;
            }
            Template template = templates.get(templateId + "@" + element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"));
            if (template == null) {
                findings.add(where + ": names the template " + templateId + " version "
                        + element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion") + ", which does not exist");
                continue;
            }
            if (!template.appliesTo(bpmnType)) {
                findings.add(where + ": the template " + templateId + " does not apply to " + bpmnType);
            }
            String delegate = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
            if (template.delegateExpression().isPresent() && !template.delegateExpression().get().equals(delegate)) {
                findings.add(where + ": calls " + delegate + ", its template " + templateId + " fixes "
                        + template.delegateExpression().get());
            }
            if (template.delegateExpression().isEmpty() && callsCode) {
                findings.add(where + ": calls code its template " + templateId + " does not fix");
            }
            if (!listeners.containsAll(template.listeners())) {
                findings.add(where + ": lacks the execution listeners " + template.listeners() + " of its template");
            }
            parameters(where, template.parameters("camunda:inputParameter"), "camunda:inputParameter", inputs(element), findings);
            parameters(where, template.parameters("camunda:outputParameter"), "camunda:outputParameter", outputs(element), findings);
            if (element instanceof CallActivity call) {
                template.calledElement().filter(c -> !c.equals(call.getCalledElement())).ifPresent(c -> findings.add(
                        where + ": calls " + call.getCalledElement() + ", its template " + templateId + " fixes " + c));
                ins(where, template.ins(), call, findings);
            }
        }
    }

    /** The call activity's camunda:in mappings against its template's: the same targets, each a source variable or an
     *  expression as bound, holding allowed values. */
    private static void ins(String where, Map<String, JsonNode> bound, CallActivity call, List<String> findings) {
        Map<String, String> values = new TreeMap<>();
        Map<String, Boolean> expressions = new TreeMap<>();
        if (call.getExtensionElements() != null) {
            for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
                if (in.getCamundaBusinessKey() != null) {
                    values.put(BUSINESS_KEY, in.getCamundaBusinessKey());
                    continue;
                }
                String key = inKey(in.getCamundaTarget(), in.getCamundaVariables());
                values.put(key, in.getCamundaSourceExpression() != null ? in.getCamundaSourceExpression()
                        : in.getCamundaSource() == null ? "" : in.getCamundaSource());
                expressions.put(key, in.getCamundaSourceExpression() != null);
            }
        }
        if (!parameters(where, bound, "camunda:in", values, findings)) {
            return;
        }
        expressions.forEach((target, expression) -> {
            boolean boundAsExpression = bound.get(target).path("binding").path("expression").asBoolean(false);
            if (expression != boundAsExpression) {
                findings.add(where + ": camunda:in " + target + " is a " + (expression ? "sourceExpression" : "source")
                        + ", its template binds a " + (boundAsExpression ? "sourceExpression" : "source"));
            }
        });
    }

    private static String inKey(String target, String variables) {
        return target != null ? target : "(variables " + variables + ")";
    }

    /** @return whether the names matched (the values were checked) */
    private static boolean parameters(String where, Map<String, JsonNode> bound, String binding, Map<String, String> inModel,
                                      List<String> findings) {
        if (!bound.keySet().equals(inModel.keySet())) {
            findings.add(where + ": " + binding + " " + inModel.keySet() + " differ from its template's "
                    + bound.keySet());
            return false;
        }
        bound.forEach((name, p) -> {
            String value = inModel.get(name) == null ? "" : inModel.get(name).trim();
            String type = p.path("type").asText();
            if (type.equals("Hidden") && !value.equals(p.path("value").asText())) {
                findings.add(where + ": " + name + " is \"" + value + "\", its template fixes \"" + p.path("value").asText() + "\"");
            }
            if (type.equals("Dropdown") && !choices(p).contains(value)) {
                findings.add(where + ": " + name + " is \"" + value + "\", not one of " + choices(p));
            }
            JsonNode constraints = p.path("constraints");
            if (constraints.path("notEmpty").asBoolean() && value.isEmpty()) {
                findings.add(where + ": " + name + " is empty");
            }
            if (constraints.has("pattern") && !Pattern.matches(constraints.path("pattern").path("value").asText(), value)) {
                findings.add(where + ": " + name + " is \"" + value + "\": " + constraints.path("pattern").path("message").asText());
            }
        });
        return true;
    }

    static List<String> choices(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    private static Set<String> listeners(BaseElement element) {
        Set<String> found = new HashSet<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
                    .stream().filter(l -> l.getCamundaDelegateExpression() != null)
                    .forEach(l -> found.add(l.getCamundaEvent() + " " + l.getCamundaDelegateExpression()));
        }
        return found;
    }

    private static Map<String, String> inputs(BaseElement element) {
        Map<String, String> found = new TreeMap<>();
        inputOutput(element).ifPresent(io -> io.getCamundaInputParameters()
                .forEach((CamundaInputParameter p) -> found.put(p.getCamundaName(), p.getTextContent())));
        return found;
    }

    private static Map<String, String> outputs(BaseElement element) {
        Map<String, String> found = new TreeMap<>();
        inputOutput(element).ifPresent(io -> io.getCamundaOutputParameters()
                .forEach((CamundaOutputParameter p) -> found.put(p.getCamundaName(), p.getTextContent())));
        return found;
    }

    /** Only the element's own mapping: a sub-process's children have their own. */
    private static Optional<CamundaInputOutput> inputOutput(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return Optional.empty();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                .stream().findFirst();
    }
}

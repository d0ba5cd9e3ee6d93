package com.engagementorchestrator.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The checker itself, on small samples: it passes a good pair and names each kind of defect (so it can fail). */
class ElementTemplateCheckTest {

    static final Function<String, Class<?>> BEANS = name -> switch (name) {
        case "reportBreach" -> JavaDelegate.class;
        case "showProtocol" -> TaskListener.class;
        default -> null;
    };

    static final String TEMPLATE = """
            {"$schema": "%s", "id": "t.reportBreach", "name": "Report a breach", "version": 1,
             "appliesTo": ["bpmn:ServiceTask"], "properties": [
               {"type": "Hidden", "value": "${reportBreach}", "binding": {"type": "property", "name": "camunda:delegateExpression"}},
               {"type": "Dropdown", "value": "DEPOSIT", "choices": [{"name": "Deposit", "value": "DEPOSIT"}],
                "binding": {"type": "camunda:inputParameter", "name": "obligation"}}]}
            """.formatted(ElementTemplateCheck.SCHEMA);

    static BpmnModelInstance model(String task) {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="sample" isExecutable="true">%s</bpmn:process>
                </bpmn:definitions>
                """.formatted(task);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String task(String attributes, String obligation) {
        return """
                <bpmn:serviceTask id="ReportTask" camunda:delegateExpression="${reportBreach}" %s>
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="obligation">%s</camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>""".formatted(attributes, obligation);
    }

    static final String USES_TEMPLATE = "camunda:modelerTemplate=\"t.reportBreach\" camunda:modelerTemplateVersion=\"1\"";

    List<String> check(String template, String task) {
        return ElementTemplateCheck.check(List.of(ElementTemplateCheck.parse("sample.json", template)),
                Map.of("sample.bpmn", model(task)), BEANS);
    }

    @Test
    void aModelThatUsesItsTemplatesPasses() {
        assertThat(check(TEMPLATE, task(USES_TEMPLATE, "DEPOSIT"))).isEmpty();
    }

    @Test
    void aServiceTaskWithoutATemplateIsNamed() {
        assertThat(check(TEMPLATE, task("", "DEPOSIT")))
                .containsExactly("sample.bpmn serviceTask ReportTask: uses no element template (camunda:modelerTemplate)");
    }

    @Test
    void aTemplateNamingAMissingBeanIsNamed() {
        assertThat(check(TEMPLATE.replace("${reportBreach}", "${reportBreech}"), task(USES_TEMPLATE, "DEPOSIT")))
                .contains("sample.json t.reportBreach: names the bean reportBreech, which does not exist");
    }

    @Test
    void aTemplateNamingABeanThatIsNoDelegateIsNamed() {
        assertThat(check(TEMPLATE.replace("${reportBreach}", "${showProtocol}"), task(USES_TEMPLATE, "DEPOSIT")))
                .anyMatch(f -> f.contains("the bean showProtocol is a org.camunda.bpm.engine.delegate.TaskListener, not a JavaDelegate"));
    }

    @Test
    void aTaskNamingAMissingTemplateOrAnotherDelegateIsNamed() {
        assertThat(check(TEMPLATE, task(USES_TEMPLATE.replace("t.reportBreach", "t.gone"), "DEPOSIT")))
                .containsExactly("sample.bpmn serviceTask ReportTask: names the template t.gone version 1, which does not exist");
        assertThat(check(TEMPLATE, task(USES_TEMPLATE, "DEPOSIT").replace("${reportBreach}", "${liftBlock}")))
                .containsExactly("sample.bpmn serviceTask ReportTask: calls ${liftBlock}, its template t.reportBreach fixes ${reportBreach}");
    }

    @Test
    void inputParametersMustBeTheTemplatesAndHoldAllowedValues() {
        assertThat(check(TEMPLATE, task(USES_TEMPLATE, "PIZZA")))
                .containsExactly("sample.bpmn serviceTask ReportTask: obligation is \"PIZZA\", not one of [DEPOSIT]");
        assertThat(check(TEMPLATE, task(USES_TEMPLATE, "DEPOSIT").replace("name=\"obligation\"", "name=\"obligatoin\"")))
                .containsExactly("sample.bpmn serviceTask ReportTask: camunda:inputParameter [obligatoin] differ from its template's [obligation]");
    }

    @Test
    void aTemplateWithoutTheRequiredFieldsIsNamed() {
        String broken = TEMPLATE.replace("\"name\": \"Report a breach\", \"version\": 1,", "")
                .replace("\"appliesTo\": [\"bpmn:ServiceTask\"],", "");
        assertThat(check(broken, task(USES_TEMPLATE, "DEPOSIT"))).contains(
                "sample.json: a template without name",
                "sample.json t.reportBreach: version must be a whole number from 1",
                "sample.json t.reportBreach: appliesTo names no BPMN element type");
    }

    static final String CALL_TEMPLATE = """
            {"$schema": "%s", "id": "t.await", "name": "Await", "version": 1,
             "appliesTo": ["bpmn:CallActivity"], "properties": [
               {"type": "Hidden", "value": "await-obligation", "binding": {"type": "property", "name": "calledElement"}},
               {"type": "Hidden", "value": "#{execution.processBusinessKey}", "binding": {"type": "camunda:in:businessKey"}},
               {"type": "Dropdown", "value": "DEPOSIT", "choices": [{"name": "Deposit", "value": "DEPOSIT"}],
                "binding": {"type": "camunda:in", "target": "obligation", "expression": true}},
               {"type": "String", "value": "", "constraints": {"notEmpty": true, "pattern": {"value": "^[a-z][A-Za-z]*$", "message": "A variable"}},
                "binding": {"type": "camunda:in", "target": "dueAt"}}]}
            """.formatted(ElementTemplateCheck.SCHEMA);

    static final String USES_CALL_TEMPLATE = "camunda:modelerTemplate=\"t.await\" camunda:modelerTemplateVersion=\"1\"";

    static String call(String attributes, String obligation, String dueAt) {
        return """
                <bpmn:callActivity id="AwaitCall" calledElement="await-obligation" %s>
                  <bpmn:extensionElements>
                    <camunda:in businessKey="#{execution.processBusinessKey}" />
                    <camunda:in sourceExpression="%s" target="obligation" />
                    <camunda:in source="%s" target="dueAt" />
                  </bpmn:extensionElements>
                </bpmn:callActivity>""".formatted(attributes, obligation, dueAt);
    }

    @Test
    void aCallActivityThatUsesItsTemplatePasses() {
        assertThat(check(CALL_TEMPLATE, call(USES_CALL_TEMPLATE, "DEPOSIT", "depositDueAt"))).isEmpty();
        assertThat(check(CALL_TEMPLATE, call("", "DEPOSIT", "d").replace("await-obligation", "reminder-ladder")))
                .as("a call of a process no template fixes needs none").isEmpty();
    }

    @Test
    void aCallActivityWithoutItsTemplateIsNamed() {
        assertThat(check(CALL_TEMPLATE, call("", "DEPOSIT", "depositDueAt"))).containsExactly(
                "sample.bpmn callActivity AwaitCall: calls await-obligation without its element template t.await (camunda:modelerTemplate)");
    }

    @Test
    void aCallActivitysMappingsMustBeItsTemplatesAndHoldAllowedValues() {
        assertThat(check(CALL_TEMPLATE, call(USES_CALL_TEMPLATE, "PIZZA", "depositDueAt"))).containsExactly(
                "sample.bpmn callActivity AwaitCall: obligation is \"PIZZA\", not one of [DEPOSIT]");
        assertThat(check(CALL_TEMPLATE, call(USES_CALL_TEMPLATE, "DEPOSIT", "${depositDueAt}"))).containsExactly(
                "sample.bpmn callActivity AwaitCall: dueAt is \"${depositDueAt}\": A variable");
        assertThat(check(CALL_TEMPLATE, call(USES_CALL_TEMPLATE, "DEPOSIT", "depositDueAt").replace("target=\"dueAt\"", "target=\"due\"")))
                .containsExactly("sample.bpmn callActivity AwaitCall: camunda:in [(businessKey), due, obligation] differ from its template's [(businessKey), dueAt, obligation]");
        assertThat(check(CALL_TEMPLATE, call(USES_CALL_TEMPLATE, "DEPOSIT", "depositDueAt").replace("sourceExpression=", "source=")))
                .containsExactly("sample.bpmn callActivity AwaitCall: camunda:in obligation is a source, its template binds a sourceExpression");
        assertThat(check(CALL_TEMPLATE, call(USES_CALL_TEMPLATE, "DEPOSIT", "depositDueAt").replace("calledElement=\"await-obligation\"", "calledElement=\"await-other\"")))
                .containsExactly("sample.bpmn callActivity AwaitCall: calls await-other, its template t.await fixes await-obligation");
    }

    @Test
    void aCallActivityTemplateMustFixTheCalledProcess() {
        assertThat(check(CALL_TEMPLATE.replace("\"type\": \"Hidden\", \"value\": \"await-obligation\"", "\"type\": \"String\", \"value\": \"await-obligation\""),
                call(USES_CALL_TEMPLATE, "DEPOSIT", "depositDueAt")))
                .containsExactly("sample.json t.await: the called process must be Hidden (fixed), not String");
    }
}

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
}

package com.engagementorchestrator.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.reminder.Obligation;
import com.engagementorchestrator.reminder.ReminderLadderProcess;
import com.engagementorchestrator.reminder.ReminderStep;
import com.engagementorchestrator.support.IntegrationTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The element templates Camunda Modeler shows (element-templates/) fit the application and the models: every template
 * names an existing delegate or listener bean, every service task of processes/*.bpmn uses a template with its
 * delegate and its input parameters, every call of await-obligation uses its template with its camunda:in mappings,
 * and the choices a template offers are the values the delegate or the called process accepts.
 */
@IntegrationTest
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("element-templates");
    static final Path MODELS = Path.of("processes");

    @Autowired ApplicationContext context;

    final List<ElementTemplateCheck.Template> templates = ElementTemplateCheck.load(TEMPLATES);
    final Map<String, BpmnModelInstance> models = ElementTemplateCheck.models(MODELS);

    @Test
    void templatesNameTheApplicationsBeansAndEveryServiceTaskUsesItsTemplate() {
        assertThat(templates).hasSizeGreaterThan(40);
        assertThat(ElementTemplateCheck.check(templates, models,
                name -> context.containsBean(name) ? context.getType(name) : null)).isEmpty();
    }

    /** The parameters each delegate reads from its input mapping, by the constants the delegate reads them with. */
    @Test
    void inputParametersAreTheOnesTheDelegatesRead() {
        assertThat(template("breach.reportBreach").parameters("camunda:inputParameter")).containsOnlyKeys(
                AwaitObligationProcess.Variables.BREACH_KIND.name(), AwaitObligationProcess.Variables.OBLIGATION.name(),
                AwaitObligationProcess.Variables.DUE_AT.name());
        // reportBreach runs only inside await-obligation: it reads that process's own inputs, fixed
        template("breach.reportBreach").parameters("camunda:inputParameter").forEach((name, p) ->
                assertThat(p.path("type").asText() + " " + p.path("value").asText()).as(name).isEqualTo("Hidden ${" + name + "}"));
        assertThat(template("reminder.sendReminder").parameters("camunda:inputParameter"))
                .containsOnlyKeys(ReminderLadderProcess.Variables.STEP.name());
        assertThat(templates.stream().filter(t -> !t.id().endsWith(".reportBreach") && !t.id().endsWith(".sendReminder"))
                .filter(t -> !t.parameters("camunda:inputParameter").isEmpty()).map(ElementTemplateCheck.Template::id))
                .as("templates with input parameters no test ties to their delegate").isEmpty();
    }

    /** The call activity template passes exactly the inputs await-obligation reads. */
    @Test
    void theAwaitObligationTemplatePassesTheCalledProcesssInputs() {
        ElementTemplateCheck.Template await = template("breach.awaitObligation");
        assertThat(await.calledElement()).contains(AwaitObligationProcess.KEY);
        assertThat(await.ins()).containsOnlyKeys(ElementTemplateCheck.BUSINESS_KEY,
                AwaitObligationProcess.Variables.ENGAGEMENT_ID.name(), AwaitObligationProcess.Variables.OBLIGATION.name(),
                AwaitObligationProcess.Variables.BREACH_KIND.name(), AwaitObligationProcess.Variables.DUE_AT.name());
    }

    @Test
    void choicesAreTheValuesTheDelegatesAccept() {
        assertThat(ElementTemplateCheck.choices(template("reminder.sendReminder").parameters("camunda:inputParameter")
                .get(ReminderLadderProcess.Variables.STEP.name())))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ReminderStep.values()).map(Enum::name).toList());
        assertThat(ElementTemplateCheck.choices(template("breach.awaitObligation").ins()
                .get(AwaitObligationProcess.Variables.OBLIGATION.name())))
                .containsExactlyInAnyOrderElementsOf(context.getBeansOfType(Obligation.class).values().stream()
                        .map(Obligation::kind).toList());
    }

    ElementTemplateCheck.Template template(String idSuffix) {
        return templates.stream().filter(t -> t.id().equals("com.engagementorchestrator." + idSuffix)).findFirst()
                .orElseThrow();
    }
}

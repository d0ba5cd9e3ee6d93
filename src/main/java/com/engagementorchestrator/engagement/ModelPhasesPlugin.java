package com.engagementorchestrator.engagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engagement's phase comes from the model: an element that carries the extension property {@code phase} (Modeler:
 * <i>Extension properties</i>, name {@code phase}, value one of {@link EngagementPhase}) moves the engagement into that
 * phase when the element starts. One listener, added here to every such element of every process, so an analyst
 * changes where a phase begins by moving the property, and no service decides phases on its own.
 * <p>
 * Built in, and first among the element's start listeners: the phase is set even when custom listeners are skipped
 * (instance modification, migration) and before the model's own start listeners, which may depend on it ("Work
 * delivered" starts the progress reports only at work). Deploying a model with an unknown phase fails, naming it
 * (a parse error: 400 over REST with the element id and line, like every refused model).
 * <p>
 * Engagements still running on a version of the engagement model deployed before the phases were in it (that version
 * declares none) keep moving through the phases by {@link #BEFORE_PHASES_IN_THE_MODEL}, the element ids the use cases
 * used to set phases at, until they are migrated to a version that declares them.
 */
@Component
class ModelPhasesPlugin extends AbstractProcessEnginePlugin {

    /** Name of the extension property on the element. */
    static final String PROPERTY = "phase";

    /**
     * Where the use cases set the phases before the models declared them (issue 12): engagement.bpmn up to then, and
     * the phase models it was split into, should a version of one declare none.
     */
    static final Map<String, EngagementPhase> BEFORE_PHASES_IN_THE_MODEL = Map.ofEntries(
            Map.entry("CheckCompanyManuallyTask", EngagementPhase.COMPANY_CHECK),
            Map.entry("ReviewScreeningTask", EngagementPhase.SCREENING_REVIEW),
            Map.entry("RequestSigningAuthorityTask", EngagementPhase.SIGNING_AUTHORITY),
            Map.entry("AskForNewAuthorityDocumentTask", EngagementPhase.SIGNING_AUTHORITY),
            Map.entry("VerifySigningAuthorityTask", EngagementPhase.AUTHORITY_VERIFICATION),
            Map.entry("IssueDepositInvoiceTask", EngagementPhase.DEPOSIT),
            Map.entry("PrepareBriefTask", EngagementPhase.BRIEF),
            Map.entry("SendBriefTask", EngagementPhase.MATERIALS),
            Map.entry("RequestMissingMaterialsTask", EngagementPhase.MATERIALS),
            Map.entry("ReviewMaterialsTask", EngagementPhase.MATERIALS_REVIEW),
            Map.entry("CompleteMaterialsTask", EngagementPhase.WORK),
            Map.entry("IssueFinalInvoiceTask", EngagementPhase.FINAL_PAYMENT));

    /** Resolved at the first phase change: the engine is built before the JPA repositories are. */
    private final ObjectProvider<EngagementLifecycle> lifecycle;

    ModelPhasesPlugin(ObjectProvider<EngagementLifecycle> lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (addPhaseListeners(processElement, definition) == 0 && (EngagementProcess.KEY.equals(definition.getKey())
                        || EngagementProcess.PHASES.contains(definition.getKey()))) {
                    BEFORE_PHASES_IN_THE_MODEL.forEach((id, phase) -> {
                        ActivityImpl activity = definition.findActivity(id);
                        if (activity != null) {
                            listen(activity, phase);
                        }
                    });
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * After the whole process is parsed, so elements nested in (event) sub-processes are found by their id. Answers
     * how many elements declare a phase.
     */
    private int addPhaseListeners(Element parent, ProcessDefinitionEntity definition) {
        int declared = 0;
        for (Element element : parent.elements()) {
            Optional<EngagementPhase> phase = phaseOf(element);
            if (phase.isPresent()) {
                String id = element.attribute("id");
                ActivityImpl activity = definition.findActivity(id);
                if (activity == null) {
                    throw new BpmnParseException("Process " + definition.getKey() + ": element " + id
                            + " carries the phase " + phase.get() + ", but only activities, events and gateways can", element);
                }
                listen(activity, phase.get());
                declared++;
            }
            declared += addPhaseListeners(element, definition);
        }
        return declared;
    }

    private void listen(ActivityImpl activity, EngagementPhase phase) {
        ExecutionListener enter = execution -> lifecycle.getObject()
                .enterPhase(EngagementProcess.Variables.engagementId(execution), phase);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, enter, 0);
    }

    /** The element's {@code camunda:properties/camunda:property[@name='phase']}, checked against the enum. */
    static Optional<EngagementPhase> phaseOf(Element element) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (PROPERTY.equals(property.attribute("name"))) {
                String value = property.attribute("value");
                EngagementPhase phase = Arrays.stream(EngagementPhase.values()).filter(p -> p.name().equals(value))
                        .findFirst().orElseThrow(() -> new BpmnParseException("Element "
                                + element.attribute("id") + ": unknown phase \"" + value + "\"; the phases are "
                                + Arrays.toString(EngagementPhase.values()), property));
                if (phase == EngagementPhase.CLOSED) {
                    throw new BpmnParseException("Element " + element.attribute("id") + ": CLOSED is not entered"
                            + " from the model; closing an engagement (complete, decline, terminate) sets it", property);
                }
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}

package com.engagementorchestrator.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The phases as the models declare them (extension property {@code phase}, read by {@link ModelPhasesPlugin}): every
 * phase an engagement goes through is declared on an element the engagement process can reach, following sequence
 * flows, sub-processes, boundary events and call activities into the called models. CLOSED is the one phase no element
 * declares: closing an engagement (complete, decline, terminate) sets it with the final status.
 */
class ModelPhasesTest {

    final List<BpmnModelInstance> models = Arrays.stream(new File("processes").listFiles((d, n) -> n.endsWith(".bpmn")))
            .map(Bpmn::readModelFromFile).toList();

    @Test
    void everyPhaseIsReachableFromTheEngagementModel() {
        Set<EngagementPhase> reached = EnumSet.noneOf(EngagementPhase.class);
        reachable(process(EngagementProcess.KEY)).forEach(element -> phase(element).ifPresent(reached::add));
        assertThat(reached).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(EngagementPhase.CLOSED)));
    }

    @Test
    void everyDeclaredPhaseIsAPhaseEnteredFromTheModel() {
        Map<String, String> declared = new TreeMap<>();
        for (BpmnModelInstance model : models) {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                property(element).ifPresent(value -> declared.put(element.getId(), value));
            }
        }
        assertThat(declared).isNotEmpty();
        assertThat(declared.values()).allSatisfy(value -> assertThat(value)
                .isIn(EnumSet.complementOf(EnumSet.of(EngagementPhase.CLOSED)).stream().map(Enum::name).toList()));
    }

    Process process(String key) {
        return models.stream().flatMap(m -> m.getModelElementsByType(Process.class).stream())
                .filter(p -> p.getId().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no model defines the process " + key));
    }

    /** Every flow node an instance of the process can enter, in it and in the processes it calls. */
    Set<FlowNode> reachable(Process start) {
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> next = new ArrayDeque<>(starts(start.getFlowElements()));
        while (!next.isEmpty()) {
            FlowNode node = next.pop();
            if (!seen.add(node)) {
                continue;
            }
            node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::push);
            if (node instanceof SubProcess sub) {
                next.addAll(starts(sub.getFlowElements()));
            }
            if (node instanceof Activity) {
                node.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(b -> b.getAttachedTo() == node).forEach(next::push);
            }
            if (node instanceof CallActivity call) {
                next.addAll(starts(process(call.getCalledElement()).getFlowElements()));
            }
        }
        return seen;
    }

    /** The start events of a scope and of its event sub-processes (which start on their event at any time). */
    static List<FlowNode> starts(java.util.Collection<FlowElement> elements) {
        List<FlowNode> starts = new java.util.ArrayList<>();
        for (FlowElement element : elements) {
            if (element instanceof StartEvent start) {
                starts.add(start);
            }
            if (element instanceof SubProcess sub && sub.triggeredByEvent()) {
                starts.add(sub);
            }
        }
        return starts;
    }

    static Optional<EngagementPhase> phase(BaseElement element) {
        return property(element).map(EngagementPhase::valueOf);
    }

    static Optional<String> property(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return Optional.empty();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> ModelPhasesPlugin.PROPERTY.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst();
    }
}

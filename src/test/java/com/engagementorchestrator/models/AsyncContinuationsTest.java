package com.engagementorchestrator.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: every service task whose transaction a person, a message or a timer would otherwise begin has an
 * async continuation before it, so a failing rule or delegate is a retried job and then an incident, never an error
 * for the person who submitted a form or the caller of a webhook. The rule, read back through gateways and throw
 * events: a user, receive or manual task, a catch event (timer, message, signal), a boundary event, a start event
 * with an event, or the end of a call activity or sub-process. A process's plain start is not one: the first step
 * checks the starter's input, and a mistake is the starter's 4xx. {@code annotate.py} writes
 * the attribute by the same rule; this test reads the shipped models independently of it.
 */
class AsyncContinuationsTest {

    final Map<String, BpmnModelInstance> models = new TreeMap<>();

    AsyncContinuationsTest() {
        Arrays.stream(new File("processes").listFiles((d, n) -> n.endsWith(".bpmn")))
                .forEach(file -> models.put(file.getName(), Bpmn.readModelFromFile(file)));
    }

    @Test
    void everyServiceTaskAfterAWaitHasAnExclusiveAsyncContinuation() {
        Set<String> needing = new TreeSet<>();
        models.forEach((file, model) -> needing.addAll(needingAsync(model)));
        // The rule finds the steps that ran inside a person's or a caller's transaction before issue 12 …
        assertThat(needing).contains(
                "ConfirmSigningAuthorityTask",  // after the moderator's decision on the authority (then the deposit invoice)
                "FinalPaymentCallActivity",     // after the work phase ends ("work delivered"): the phase issues the invoice
                "ClosureCallActivity",          // after the final payment phase (the payment message)
                "ConfirmDepositTask",           // after the payment message (webhook, transfer confirmed)
                "RegisterComplaintTask",        // a complaint's message start (portal)
                "SendFriendlyReminderTask",     // after a ladder timer
                "RenewPaymentDueDateTask",      // after the block lift (escalation boundary), in collect-payment
                "FinalizeProtocolTask");        // after the signing sub-process ends (the last signature)
        // … and leaves a service task right after another one in that one's job, and the first step of a process
        // started by a person or a call in their transaction (recording a protocol checks the freelancer's input).
        assertThat(needing).doesNotContain("IssueDepositInvoiceTask", "RecordProtocolTask");

        List<String> missing = models.values().stream().flatMap(model -> missingAsync(model).stream()).toList();
        assertThat(missing).as("service tasks after a wait without camunda:asyncBefore (run .ci/models/annotate.py)")
                .isEmpty();
    }

    /** The engine-wide retry cycle (application.yaml) applies unless a task needs another; none may disable retries. */
    @Test
    void aTaskOfItsOwnRetryCycleStillBacksOff() {
        for (BpmnModelInstance model : models.values()) {
            for (CamundaFailedJobRetryTimeCycle cycle : model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
                assertThat(cycle.getTextContent().trim()).as("retry cycle of %s",
                        ((org.camunda.bpm.model.bpmn.instance.BaseElement) cycle.getParentElement().getParentElement()).getId())
                        .matches("(R[1-9]\\d*/PT\\w+|PT\\w+(,PT\\w+)+)");
            }
        }
    }

    /** The check itself: a model whose service task after a user task lacks the continuation is reported. */
    @Test
    void aServiceTaskAfterAUserTaskWithoutAsyncIsReported() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("check").startEvent("Start").userTask("Decide")
                .exclusiveGateway("Merge").serviceTask("Act").camundaExpression("${true}")
                .serviceTask("ActAgain").camundaExpression("${true}").endEvent().done();
        model.<ServiceTask>getModelElementById("Act").setCamundaAsyncBefore(false);
        assertThat(missingAsync(model)).containsExactly("Act");
        model.<ServiceTask>getModelElementById("Act").setCamundaAsyncBefore(true);
        model.<ServiceTask>getModelElementById("Act").setCamundaExclusive(false);
        assertThat(missingAsync(model)).as("a non-exclusive job may race its process's other jobs").containsExactly("Act");
        model.<ServiceTask>getModelElementById("Act").setCamundaExclusive(true);
        assertThat(missingAsync(model)).isEmpty();
    }

    static List<String> missingAsync(BpmnModelInstance model) {
        return needingAsync(model).stream().filter(id -> {
            Activity task = model.getModelElementById(id);
            return !task.isCamundaAsyncBefore() || !task.isCamundaExclusive();
        }).toList();
    }

    static Set<String> needingAsync(BpmnModelInstance model) {
        Set<String> ids = new TreeSet<>();
        // A called process's first steps run in its call activity's transaction, so a call after a wait needs one too.
        for (Activity task : model.<Activity>getModelElementsByType(Activity.class).stream()
                .filter(a -> a instanceof ServiceTask || a instanceof CallActivity).toList()) {
            if (waitBefore(task)) {
                ids.add(task.getId());
            }
        }
        return ids;
    }

    static boolean waitBefore(FlowNode task) {
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> next = new ArrayDeque<>(sources(task));
        while (!next.isEmpty()) {
            FlowNode node = next.pop();
            if (!seen.add(node) || node.getAttributeValueNs(CAMUNDA, "asyncAfter") != null
                    && Boolean.parseBoolean(node.getAttributeValueNs(CAMUNDA, "asyncAfter"))) {
                continue;
            }
            if (node instanceof Gateway || node instanceof IntermediateThrowEvent) {
                next.addAll(sources(node));
            } else if (node instanceof UserTask || node instanceof ReceiveTask || node instanceof ManualTask
                    || node instanceof BoundaryEvent || node instanceof CallActivity || node instanceof SubProcess) {
                return true;
            } else if (node instanceof StartEvent start) {
                if (!start.getEventDefinitions().isEmpty()) {
                    return true;
                }
                if (!(start.getParentElement() instanceof Process)) {
                    next.addAll(sources((FlowNode) start.getParentElement())); // an embedded sub-process: its caller's
                }
            } else if (node instanceof CatchEvent) {
                return true; // intermediate timer, message, signal
            }
        }
        return false;
    }

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    static List<FlowNode> sources(FlowNode node) {
        return node.getIncoming().stream().map(SequenceFlow::getSource).toList();
    }
}

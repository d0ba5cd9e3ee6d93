package com.engagementorchestrator.protocol;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.protocol.ProtocolProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.support.Journeys;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/** Every path of processes/protocol-signing.bpmn with Camunda BPM Assert on the real engine and database. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class ProtocolProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ProtocolService protocols;
    @Autowired ProtocolWorkflow workflow;
    @Autowired PromiseLedger promises;

    Journeys journeys;
    String engagementNumber;
    long engagementId;

    @BeforeEach
    void anEngagement() {
        journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        engagementNumber = engagement.getBusinessKey();
        engagementId = journeys.engagement(engagement).getId();
    }

    @Test
    void aModeratorRecordsInTasklistBothSignAndTheAgreementsBecomePromisesAndTasks() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProtocolProcess.KEY, Map.of(
                "engagementNumber", engagementNumber, "meetingDate", LocalDate.now().minusDays(1).toString(),
                "participants", "Olga Smirnova\nMaria Moderator", "decisions", "Launch on 1 March",
                "agreements", "CLIENT | Send the product photos | " + LocalDate.now().plusDays(5)
                        + "\nFREELANCER | Show the first design | " + LocalDate.now().plusDays(10),
                "openQuestions", ""));
        assertThatEngagement(instance).hasPassed(RECORD_PROTOCOL).isWaitingAt(SIGN_AS_CLIENT, SIGN_AS_FREELANCER);
        assertThat(task(SIGN_AS_CLIENT, instance)).isAssignedTo(journeys.email);
        assertThat(task(SIGN_AS_FREELANCER, instance)).hasCandidateGroup("freelancers");
        assertThat((String) tasks.getVariableLocal(task(SIGN_AS_CLIENT, instance).getId(), "protocolText"))
                .contains("Launch on 1 March").contains("SHA-256");

        complete(task(SIGN_AS_CLIENT, instance), withVariables("protocolDecision", "SIGN"));
        complete(task(SIGN_AS_FREELANCER, instance), withVariables("protocolDecision", "SIGN"));

        assertThatEngagement(instance).hasPassed(CLIENT_SIGNED, FREELANCER_SIGNED, FINALIZE_PROTOCOL).isWaitingAt(DELIVER_AGREED_ITEM);
        long protocolId = (Long) runtime.getVariable(instance.getId(), "protocolId");
        assertThat(protocols.get(protocolId).getStatus()).isEqualTo(Protocol.Status.SIGNED);
        assertThat(protocols.signaturesOf(protocolId)).extracting(ProtocolSignature::getIpAddress).containsOnly("engine");
        assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.PROTOCOL_AGREEMENT)
                .singleElement().satisfies(p -> assertThat(p.getDescription()).startsWith("Send the product photos"));
        var deliver = task(DELIVER_AGREED_ITEM, instance);
        assertThat(deliver.getDescription()).startsWith("Show the first design");
        assertThat(deliver.getDueDate()).isNotNull();
        complete(deliver);
        assertThatEngagement(instance).isEnded().hasPassed(PROTOCOL_FULFILLED);
    }

    @Test
    void theClientObjectsTheModeratorRevisesAndBothSignTheNewVersion() {
        Protocol first = workflow.open(engagementId, content("Launch on 1 March"), "moderator");
        ProcessInstance instance = journeys.instanceOfKey(ProtocolProcess.KEY, first.getNumber());
        complete(task(SIGN_AS_FREELANCER, instance), withVariables("protocolDecision", "SIGN"));

        String clientTask = task(SIGN_AS_CLIENT, instance).getId();
        assertThatThrownBy(() -> tasks.complete(clientTask, Map.of("protocolDecision", "OBJECT")))
                .hasMessageContaining("reason");
        complete(task(SIGN_AS_CLIENT, instance), withVariables("protocolDecision", "OBJECT",
                "objectionReason", "We agreed on 1 April"));

        assertThatEngagement(instance).hasPassed(CLIENT_OBJECTED, PROTOCOL_OBJECTED).isWaitingAt(REVISE_PROTOCOL);
        assertThat((String) tasks.getVariableLocal(task(REVISE_PROTOCOL, instance).getId(), "objections")).contains("1 April");
        assertThat(runtime.getVariable(instance.getId(), "decisions")).isEqualTo("Launch on 1 March");
        complete(task(REVISE_PROTOCOL, instance), withVariables("decisions", "Launch on 1 April"));

        long revisedId = (Long) runtime.getVariable(instance.getId(), "protocolId");
        assertThat(revisedId).isNotEqualTo(first.getId());
        assertThat(protocols.get(first.getId()).getStatus()).isEqualTo(Protocol.Status.SUPERSEDED);
        assertThat(protocols.signaturesOf(first.getId())).allSatisfy(s -> assertThat(s.isValid()).isFalse());
        assertThat(protocols.get(revisedId).content().decisions()).containsExactly("Launch on 1 April");
        assertThatEngagement(instance).isWaitingAt(SIGN_AS_CLIENT, SIGN_AS_FREELANCER);

        complete(task(SIGN_AS_CLIENT, instance), withVariables("protocolDecision", "SIGN"));
        complete(task(SIGN_AS_FREELANCER, instance), withVariables("protocolDecision", "SIGN"));
        assertThat(protocols.get(revisedId).getStatus()).isEqualTo(Protocol.Status.SIGNED);
        assertThatEngagement(instance).isWaitingAt(DELIVER_AGREED_ITEM);
    }

    @Test
    void anEditAfterOneSignatureStartsTheSigningAgainWithTheNewVersion() {
        Protocol first = workflow.open(engagementId, content("Launch on 1 March"), "moderator");
        ProcessInstance instance = journeys.instanceOfKey(ProtocolProcess.KEY, first.getNumber());
        complete(task(SIGN_AS_CLIENT, instance), withVariables("protocolDecision", "SIGN"));

        Protocol revised = workflow.revise(first.getId(), content("Launch on 15 March"), "moderator");

        assertThat(revised.getVersion()).isEqualTo(2);
        assertThatEngagement(instance).hasPassed(PROTOCOL_REVISED).isWaitingAt(SIGN_AS_CLIENT, SIGN_AS_FREELANCER);
        assertThat((String) tasks.getVariableLocal(task(SIGN_AS_CLIENT, instance).getId(), "protocolText")).contains("15 March");
        assertThat(protocols.signaturesOf(first.getId())).singleElement().satisfies(s -> assertThat(s.isValid()).isFalse());
    }

    @Test
    void anUnsignedProtocolEscalatesToABreachThatPausesTheEngagementUntilTheBlockIsLifted() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now()));
        try {
            Protocol protocol = workflow.open(engagementId, content("Launch on 1 March"), "moderator");
            ProcessInstance instance = journeys.instanceOfKey(ProtocolProcess.KEY, protocol.getNumber());
            assertThatEngagement(instance).isWaitingAt(SIGN_AS_CLIENT, PROTOCOL_OBLIGATION, SIGN_AS_FREELANCER);
            ProcessInstance engagement = journeys.instanceOf(engagementNumber);

            assertThat(journeys.escalateToBreach(instance)).hasSize(5);

            assertThatEngagement(journeys.awaitedObligation(instance)).hasPassed(AwaitObligationProcess.Elements.DEADLINE_PASSED, AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE)
                    .isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
            assertThatEngagement(instance).hasPassed(PROTOCOL_TASK_WITHDRAWN).isWaitingAt(PROTOCOL_OBLIGATION, SIGN_AS_FREELANCER)
                    .isNotWaitingAt(SIGN_AS_CLIENT);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(engagement.getId()).singleResult().isSuspended())
                    .as("the engagement's own process pauses too").isTrue();
            assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.SIGNATURE)
                    .singleElement().satisfies(p -> assertThat(p.getStatus()).isEqualTo(Promise.Status.BROKEN));
            assertThat(journeys.templatesSentFor(engagement)).contains("reminder.friendly", "reminder.warning", "block.notice");

            var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                    .processVariableValueEquals("clientUserId", journeys.email).singleResult();
            tasks.complete(review.getId(), Map.of("blockDecision", "LIFT"));

            assertThatEngagement(instance).hasPassed(PROTOCOL_DUE_AGAIN, RENEW_PROTOCOL_DUE_DATE).isWaitingAt(SIGN_AS_CLIENT, PROTOCOL_OBLIGATION);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(engagement.getId()).singleResult().isSuspended()).isFalse();
            complete(task(SIGN_AS_CLIENT, instance), withVariables("protocolDecision", "SIGN"));
            assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.SIGNATURE)
                    .extracting(Promise::getStatus).containsExactly(Promise.Status.BROKEN, Promise.Status.KEPT);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void terminatingAfterAnUnsignedProtocolEndsTheProtocolAndTheEngagement() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now()));
        try {
            Protocol protocol = workflow.open(engagementId, content("Launch on 1 March"), "moderator");
            ProcessInstance instance = journeys.instanceOfKey(ProtocolProcess.KEY, protocol.getNumber());
            ProcessInstance engagement = journeys.instanceOf(engagementNumber);
            journeys.escalateToBreach(instance);

            var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                    .processVariableValueEquals("clientUserId", journeys.email).singleResult();
            tasks.complete(review.getId(), Map.of("blockDecision", "TERMINATE", "decisionNotes", "Refuses to sign what was agreed"));

            assertThatEngagement(instance).isEnded();
            assertThatEngagement(engagement).isEnded().hasPassed(com.engagementorchestrator.engagement.EngagementProcess.Elements.TERMINATE_ENGAGEMENT);
            assertThat(journeys.engagement(engagement).getStatus().name()).isEqualTo("TERMINATED");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private static ProtocolContent content(String decision) {
        return new ProtocolContent(LocalDate.now().minusDays(1), List.of("Olga Smirnova", "Fiona Freelancer"), List.of(decision),
                List.of(new ProtocolContent.Agreement(ProtocolAgreement.Party.FREELANCER, "Show the first design",
                        LocalDate.now().plusDays(10))), List.of());
    }
}

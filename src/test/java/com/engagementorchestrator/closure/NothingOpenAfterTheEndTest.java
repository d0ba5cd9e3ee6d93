package com.engagementorchestrator.closure;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.delivery.DeliveryProcess;
import com.engagementorchestrator.delivery.DeliveryService;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.ending.EngagementEnding;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.protocol.Protocol;
import com.engagementorchestrator.protocol.ProtocolAgreement;
import com.engagementorchestrator.protocol.ProtocolContent;
import com.engagementorchestrator.protocol.ProtocolProcess;
import com.engagementorchestrator.protocol.ProtocolWorkflow;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * Issue 11, item 4: however an engagement ends (completed, terminated after a breach, declined), nothing of it stays
 * open: no process instance, no user task, no open promise; the completion summary accounts for every promise.
 */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class NothingOpenAfterTheEndTest {

    private static final Pattern PROMISE_COUNTS = Pattern.compile(
            "Promises: (\\d+) kept, (\\d+) broken, (\\d+) renegotiated, (\\d+) cancelled when the engagement ended");

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ProtocolWorkflow protocols;
    @Autowired com.engagementorchestrator.protocol.ProtocolService protocolService;
    @Autowired PromiseLedger promises;
    @Autowired DeliveryService deliveries;
    @Autowired DepositService payments;
    @Autowired PaymentService provider;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    Journeys journeys;

    @BeforeEach
    void engineClockNow() {
        journeys = new Journeys(context);
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void completedTheProtocolsEndWithItTheirPromisesAreClosedAndTheSummaryCountsThemAll() throws Exception {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ProcessInstance signed = signedProtocolWithWorkLeft(engagementId);
        ProcessInstance unsigned = journeys.instanceOfKey(ProtocolProcess.KEY,
                protocols.open(engagementId, content("Second meeting"), "moderator").getNumber());
        assertThatEngagement(unsigned).isWaitingAt(ProtocolProcess.Elements.SIGN_AS_CLIENT, ProtocolProcess.Elements.PROTOCOL_OBLIGATION,
                ProtocolProcess.Elements.SIGN_AS_FREELANCER);
        ProcessInstance ladder = journeys.ladder(unsigned);

        deliveries.declareDelivered(engagementId);
        var invoice = payments.finalInvoice(engagementId).orElseThrow();
        provider.record(new PaymentService.ProviderPayment("pay-" + UUID.randomUUID(), invoice.getNumber(), invoice.getAmount(),
                invoice.getCurrency(), null), "{}");

        assertThatEngagement(engagement).isEnded().hasPassed(EngagementProcess.Elements.ENGAGEMENT_COMPLETED);
        Engagement completed = journeys.engagement(engagement);
        assertThat(completed.getStatus()).isEqualTo(EngagementStatus.COMPLETED);
        for (ProcessInstance protocol : List.of(signed, unsigned)) {
            assertThatEngagement(protocol).isEnded().hasPassed(ProtocolProcess.Elements.ENGAGEMENT_ENDED,
                    ProtocolProcess.Elements.CLOSE_UNSIGNED_PROTOCOL, ProtocolProcess.Elements.ENDED_WITH_THE_ENGAGEMENT);
            assertThat(endedBecause(protocol)).isEqualTo("the engagement completed, paid in full");
        }
        assertThatEngagement(ladder).as("the reminder ladder the unsigned protocol called").isEnded();
        assertNothingRuns(completed);

        List<Promise> all = promises.ofEngagement(engagementId);
        assertThat(all).filteredOn(p -> p.getKind() == Promise.Kind.PROTOCOL_AGREEMENT).singleElement().satisfies(p -> {
            assertThat(p.getStatus()).isEqualTo(Promise.Status.CANCELLED);
            assertThat(p.getCloseReason()).isEqualTo("the engagement completed, paid in full");
        });
        assertThat(all).filteredOn(p -> p.getKind() == Promise.Kind.SIGNATURE).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getStatus()).isIn(Promise.Status.KEPT, Promise.Status.CANCELLED));
        Matcher counts = PROMISE_COUNTS.matcher(completed.getSummary());
        assertThat(counts.find()).as(completed.getSummary()).isTrue();
        long counted = 0;
        for (int group = 1; group <= 4; group++) {
            counted += Long.parseLong(counts.group(group));
        }
        assertThat(counted).as("every promise of the engagement is in the summary").isEqualTo(all.size());
        assertThat(Long.parseLong(counts.group(4))).isEqualTo(all.stream().filter(p -> p.getStatus() == Promise.Status.CANCELLED).count())
                .isPositive();

        // The engagement view lists its protocols with their status and the closed promises with the reason.
        JsonNode staffView = view(completed.getNumber(), "moderator", "moderator");
        assertThat(staffView.path("protocols")).extracting(p -> p.path("status").asText()).containsExactlyInAnyOrder("SIGNED", "UNSIGNED");
        assertThat(staffView.path("protocols")).allSatisfy(p -> {
            assertThat(p.path("url").asText()).startsWith("/api/protocols/");
            assertThat(p.path("createdBy").asText()).isEqualTo("moderator");
        });
        assertThat(staffView.path("promises")).filteredOn(p -> p.path("kind").asText().equals("PROTOCOL_AGREEMENT")).singleElement()
                .satisfies(p -> assertThat(p.path("closeReason").asText()).isEqualTo("the engagement completed, paid in full"));
        assertThat(staffView.path("correspondence")).extracting(c -> c.path("template").asText()).contains("engagement.completed");
        JsonNode reliability = get("/api/clients/" + completed.getClient().getId() + "/reliability", "moderator", "moderator");
        assertThat(reliability.path("cancelled").asLong()).isEqualTo(Long.parseLong(counts.group(4)));
        JsonNode clientView = view(completed.getNumber(), journeys.email, "correct-horse-battery");
        assertThat(clientView.path("protocols")).hasSize(2).allSatisfy(p -> assertThat(p.has("createdBy")).isFalse());
        assertThat(clientView.path("correspondence")).isNotEmpty().allSatisfy(c -> assertThat(c.has("note")).isFalse());
    }

    private JsonNode view(String number, String user, String password) throws Exception {
        return get("/api/engagements/" + number, user, password);
    }

    private JsonNode get(String path, String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void terminatedAfterABreachTheReviewAndTheProtocolsEndWithItAndItsPromisesAreClosed() {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        var result = deliveries.upload(engagementId, "Home page design", "home.pdf", Journeys.PDF, "freelancer", null);
        ProcessInstance review = journeys.instanceOfKey(DeliveryProcess.KEY, engagement.getBusinessKey() + "/" + result.getId());
        assertThatEngagement(review).isWaitingAt(DeliveryProcess.Elements.REVIEW_DELIVERY);
        ProcessInstance signed = signedProtocolWithWorkLeft(engagementId);
        ProcessInstance unsigned = journeys.instanceOfKey(ProtocolProcess.KEY,
                protocols.open(engagementId, content("Second meeting"), "moderator").getNumber());
        journeys.escalateToBreach(unsigned);
        assertThatEngagement(unsigned).hasPassed(ProtocolProcess.Elements.PROTOCOL_TASK_WITHDRAWN);
        assertThatEngagement(journeys.awaitedObligation(unsigned))
                .hasPassed(com.engagementorchestrator.breach.AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE);

        var block = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(block.getId(), Map.of("blockDecision", "TERMINATE", "decisionNotes", "Refuses to sign what was agreed"));

        assertThatEngagement(engagement).isEnded().hasPassed(EngagementProcess.Elements.TERMINATE_ENGAGEMENT);
        Engagement terminated = journeys.engagement(engagement);
        assertThat(terminated.getStatus()).isEqualTo(EngagementStatus.TERMINATED);
        for (ProcessInstance process : List.of(review, signed)) {
            assertThatEngagement(process).isEnded().hasPassed(DeliveryProcess.Elements.ENDED_WITH_THE_ENGAGEMENT);
            assertThat(endedBecause(process)).isEqualTo("the engagement was terminated after a breach");
        }
        assertThatEngagement(unsigned).isEnded();
        assertNothingRuns(terminated);
        assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.PROTOCOL_AGREEMENT)
                .singleElement().satisfies(p -> {
                    assertThat(p.getStatus()).isEqualTo(Promise.Status.CANCELLED);
                    assertThat(p.getCloseReason()).isEqualTo("the engagement was terminated after a breach");
                });
    }

    @Test
    void declinedForUnprovenAuthorityAProtocolInSigningEndsWithItAndItsPromiseIsClosed() {
        ProcessInstance engagement = journeys.accepted(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ProcessInstance protocol = journeys.instanceOfKey(ProtocolProcess.KEY,
                protocols.open(engagementId, content("Intro call"), "moderator").getNumber());
        for (int attempt = 1; attempt <= 3; attempt++) {
            journeys.uploadAuthority(engagement, "scan-" + attempt + ".pdf", Journeys.PDF);
            complete(task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, engagement), withVariables(
                    "authorityDecision", "REJECTED", "authorityRejectionReason", "Signed by nobody"));
        }

        assertThatEngagement(engagement).isEnded().hasPassed(EngagementProcess.Elements.SIGNING_AUTHORITY_NOT_PROVEN);
        Engagement declined = journeys.engagement(engagement);
        assertThat(declined.getStatus()).isEqualTo(EngagementStatus.DECLINED);
        assertThatEngagement(protocol).isEnded().hasPassed(ProtocolProcess.Elements.ENDED_WITH_THE_ENGAGEMENT);
        assertThat(protocolService.get((Long) history.createHistoricVariableInstanceQuery().processInstanceId(protocol.getId())
                .variableName("protocolId").singleResult().getValue()).getStatus()).isEqualTo(Protocol.Status.UNSIGNED);
        assertNothingRuns(declined);
        assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.SIGNATURE)
                .singleElement().satisfies(p -> {
                    assertThat(p.getStatus()).isEqualTo(Promise.Status.CANCELLED);
                    assertThat(p.getCloseReason()).isEqualTo("the engagement was declined: signing authority not proven");
                });
    }

    /** A protocol both sides signed, with a client promise open and the freelancer's "deliver what we agreed" task. */
    private ProcessInstance signedProtocolWithWorkLeft(long engagementId) {
        Protocol protocol = protocols.open(engagementId, new ProtocolContent(LocalDate.now().minusDays(1),
                List.of("Olga Smirnova", "Fiona Freelancer"), List.of("Launch on 1 March"), List.of(
                        new ProtocolContent.Agreement(ProtocolAgreement.Party.CLIENT, "Send the product photos", LocalDate.now().plusDays(60)),
                        new ProtocolContent.Agreement(ProtocolAgreement.Party.FREELANCER, "Show the first design", LocalDate.now().plusDays(60))),
                List.of()), "moderator");
        ProcessInstance instance = journeys.instanceOfKey(ProtocolProcess.KEY, protocol.getNumber());
        complete(task(ProtocolProcess.Elements.SIGN_AS_CLIENT, instance), withVariables("protocolDecision", "SIGN"));
        complete(task(ProtocolProcess.Elements.SIGN_AS_FREELANCER, instance), withVariables("protocolDecision", "SIGN"));
        assertThatEngagement(instance).isWaitingAt(ProtocolProcess.Elements.DELIVER_AGREED_ITEM);
        assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.PROTOCOL_AGREEMENT)
                .singleElement().satisfies(p -> assertThat(p.getStatus()).isEqualTo(Promise.Status.OPEN));
        return instance;
    }

    private void assertNothingRuns(Engagement e) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(e.getNumber()).count())
                .as("instances with the engagement's business key").isZero();
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals("engagementId", e.getId()).count())
                .as("instances of the engagement").isZero();
        assertThat(tasks.createTaskQuery().processVariableValueEquals("engagementId", e.getId()).count())
                .as("open tasks of the engagement").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike(e.getNumber() + "%").count())
                .as("open tasks under the engagement's business keys").isZero();
        assertThat(promises.ofEngagement(e.getId())).extracting(Promise::getStatus).doesNotContain(Promise.Status.OPEN);
    }

    private String endedBecause(ProcessInstance instance) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(EngagementEnding.REASON.name()).singleResult().getValue();
    }

    private static ProtocolContent content(String decision) {
        return new ProtocolContent(LocalDate.now().minusDays(1), List.of("Olga Smirnova", "Fiona Freelancer"), List.of(decision),
                List.of(new ProtocolContent.Agreement(ProtocolAgreement.Party.FREELANCER, "Show the first design",
                        LocalDate.now().plusDays(10))), List.of());
    }
}

package com.engagementorchestrator.breach;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.registration.ProjectDetails;
import com.engagementorchestrator.registration.RegistrationService;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.PortalClient;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * A client with two engagements breaches in one: both pause, the client is refused over HTTP, and a moderator's
 * decision resumes both with deadlines moved by the blocked time, or terminates both.
 */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class BlockingTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RegistrationService registrations;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Journeys journeys;
    Instant start;
    ProcessInstance breaching;
    ProcessInstance other;

    @BeforeEach
    void aClientWithTwoEngagementsBreachesInOne() {
        journeys = new Journeys(context);
        start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(start));
        breaching = journeys.awaitingDeposit(body -> { });
        // The second engagement is accepted later and waits for its authority document, with its own ladder running.
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(2))));
        var second = registrations.startEngagement(journeys.email, new ProjectDetails("EMAIL", "A landing page for a new product",
                "Leads", new java.math.BigDecimal("180000"), "RUB", java.time.LocalDate.now().plusMonths(4).toString(), 0, "", "SELF", "DESIGN"));
        other = journeys.instanceOf(second.getNumber());
        com.engagementorchestrator.support.Journeys.screenIntake(management, other.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(other).getId());
        journeys.acceptAfterIntroCall(other);

        journeys.escalateToBreach(breaching);
        assertThatEngagement(journeys.awaitedObligation(breaching)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThatEngagement(breaching).hasPassed(PAY_TASK_WITHDRAWN).isWaitingAt(PAYMENT_OBLIGATION);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void bothEngagementsPauseAndTheClientIsRefusedOverHttp() throws Exception {
        assertThat(journeys.engagement(breaching).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(journeys.engagement(other).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(other.getId()).singleResult().isSuspended()).isTrue();
        assertThat(journeys.ladder(other).isSuspended()).as("the timers of the paused engagement stop counting").isTrue();

        // Completing the paused task in the portal: 403 with the reason, as JSON or as an upload. The engine REST API
        // sends the client to the portal; a moderator completing it there gets the reason too.
        Task paused = task(PROVE_SIGNING_AUTHORITY, other);
        PortalClient portal = new PortalClient(http, json, port, journeys.email, PASSWORD);
        var refused = portal.upload(paused.getId(), Map.of("authorityDocument", Journeys.PDF));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("is paused").contains("blocked").contains("DEPOSIT_OVERDUE")
                .contains(journeys.engagement(other).getNumber());
        var refusedJson = portal.submit(paused.getId(), Map.of());
        assertThat(refusedJson.statusCode()).isEqualTo(403);
        assertThat(refusedJson.body()).contains("is paused").contains("DEPOSIT_OVERDUE");
        assertThat(portal.openTasks().findValuesAsText("paused")).contains("true");
        PortalClient.assertSentToThePortal(post("/engine-rest/task/" + paused.getId() + "/complete", "{}", journeys.email));
        var byModerator = postAs("/engine-rest/task/" + paused.getId() + "/complete", "{}", "moderator", "moderator");
        assertThat(byModerator.statusCode()).isEqualTo(403);
        assertThat(byModerator.body()).contains("is paused").contains("DEPOSIT_OVERDUE");
        assertThat(tasks.createTaskQuery().taskId(paused.getId()).count()).isOne();

        // Starting an engagement: 409 with the client's own reason. Registering again, by e-mail or by the company's
        // number (the client had proved signing authority, so the company is blocked): 409 that tells an anonymous
        // caller nothing about the breach.
        var newEngagement = post("/api/engagements", json.writeValueAsString(Map.of("firstContactChannel", "EMAIL",
                "projectDescription", "More", "budgetAmount", 100000, "budgetCurrency", "RUB",
                "desiredDeadline", java.time.LocalDate.now().plusMonths(3).toString(), "decisionMaking", "SELF")), journeys.email);
        assertThat(newEngagement.statusCode()).isEqualTo(409);
        assertThat(newEngagement.body()).contains("is blocked").contains("DEPOSIT_OVERDUE");
        Map<String, Object> sameEmail = Intakes.clean(journeys.email);
        var again = post("/api/registrations", json.writeValueAsString(sameEmail), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Registration is not possible").doesNotContain("DEPOSIT_OVERDUE");
        Map<String, Object> sameCompany = Intakes.clean(Intakes.uniqueEmail("colleague"));
        sameCompany.put("registrationNumber", journeys.inn);
        var colleague = post("/api/registrations", json.writeValueAsString(sameCompany), null);
        assertThat(colleague.statusCode()).isEqualTo(409);
        assertThat(colleague.body()).contains("Registration is not possible").doesNotContain("DEPOSIT_OVERDUE")
                .doesNotContain(journeys.email);

        // The moderator sees the client in the "Blocked clients" filter; the client and moderators see the block.
        long clientId = journeys.engagement(breaching).getClient().getId();
        JsonNode client = json.readTree(get("/api/clients/" + clientId, "moderator", "moderator").body());
        assertThat(client.path("blocked").asBoolean()).isTrue();
        assertThat(client.path("breaches").get(0).path("kind").asText()).isEqualTo("DEPOSIT_OVERDUE");
        assertThat(get("/api/clients/" + clientId, journeys.email, PASSWORD).statusCode()).isEqualTo(200);
        JsonNode reliability = json.readTree(get("/api/clients/" + clientId + "/reliability", journeys.email, PASSWORD).body());
        assertThat(reliability.path("broken").asLong()).isPositive();
        assertThat(reliability.path("kept").asLong()).isPositive();
        JsonNode filters = json.readTree(get("/engine-rest/filter?resourceType=Task&maxResults=100", "moderator", "moderator").body());
        assertThat(filters.findValuesAsText("name")).contains("Blocked clients");
        String blockedFilter = filters.findParents("name").stream().filter(f -> f.path("name").asText().equals("Blocked clients"))
                .findFirst().orElseThrow().path("id").asText();
        JsonNode blockedTasks = json.readTree(get("/engine-rest/filter/" + blockedFilter + "/list?maxResults=100", "moderator", "moderator").body());
        assertThat(blockedTasks.findValuesAsText("taskDefinitionKey")).contains(BlockProcess.Elements.REVIEW_BLOCK);
    }

    @Test
    void evidenceThenLiftResumesBothWithTheirDeadlinesMovedByTheBlockedTime() {
        Instant blockedAt = journeys.now();
        Job otherTimer = ladderTimer(other);
        Date otherDue = task(PROVE_SIGNING_AUTHORITY, other).getDueDate();
        Instant otherPromiseDue = openPromiseOf(other).getDueAt();
        ProcessInstance block = blockProcess();

        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "ASK_EVIDENCE",
                "evidenceRequest", "Please send the payment order of your transfer"));
        assertThatEngagement(block).hasPassed(BlockProcess.Elements.REQUEST_EVIDENCE).isWaitingAt(BlockProcess.Elements.PROVIDE_EVIDENCE)
                .task().isAssignedTo(journeys.email);
        complete(task(BlockProcess.Elements.PROVIDE_EVIDENCE, block), withVariables("evidenceNote", "I paid on Monday",
                "evidenceFile", org.camunda.bpm.engine.variable.Variables.fileValue("order.pdf").file(Journeys.PDF).create()));
        assertThatEngagement(block).hasPassed(BlockProcess.Elements.EVIDENCE_MERGE).isWaitingAt(BlockProcess.Elements.REVIEW_BLOCK);
        assertThat((String) tasks.getVariableLocal(task(BlockProcess.Elements.REVIEW_BLOCK, block).getId(), "blockSummary"))
                .contains("I paid on Monday").contains("order.pdf").contains("Deposit overdue").doesNotContain("DEPOSIT_OVERDUE");

        Duration blocked = Duration.ofDays(10);
        // Moved by the blocked time, and further where the ladder's deadline would then fall within the grace period
        // after the lift: every paused obligation gets the grace, not only the breached one (issue 10, item 6).
        Instant otherDeadline = context.getBean(com.engagementorchestrator.reminder.ReminderLadder.class)
                .deadline(journeys.ladderDueAt(other));
        Instant liftedAt = blockedAt.plus(blocked);
        Instant earliestDeadline = liftedAt.plus(Duration.ofDays(7));
        Duration moved = otherDeadline.plus(blocked).isBefore(earliestDeadline)
                ? Duration.between(otherDeadline, earliestDeadline) : blocked;
        ClockUtil.setCurrentTime(Date.from(liftedAt));
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "LIFT",
                "decisionNotes", "The payment order shows a transfer that bounced; new date given"));

        assertThatEngagement(block).hasPassed(BlockProcess.Elements.LIFT_BLOCK).isEnded();
        assertThatEngagement(breaching).hasPassed(PAYMENT_DUE_AGAIN, RENEW_PAYMENT_DUE_DATE).isWaitingAt(PAY_DEPOSIT);
        assertThat(journeys.engagement(breaching).getStatus()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(journeys.engagement(other).getStatus()).isEqualTo(EngagementStatus.ACTIVE);
        assertThatEngagement(other).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(other.getId()).singleResult().isSuspended()).isFalse();
        assertThat(ladderTimer(other).getDuedate()).isEqualTo(Date.from(otherTimer.getDuedate().toInstant().plus(moved)));
        assertThat(task(PROVE_SIGNING_AUTHORITY, other).getDueDate()).isEqualTo(Date.from(otherDue.toInstant().plus(moved)));
        assertThat(openPromiseOf(other).getDueAt()).isEqualTo(otherPromiseDue.plus(moved));
        assertThat(context.getBean(com.engagementorchestrator.reminder.ReminderLadder.class).deadline(journeys.ladderDueAt(other)))
                .isAfterOrEqualTo(earliestDeadline);
        assertThat(journeys.templatesSentFor(breaching)).contains("block.notice", "block.evidence", "block.lifted");

        // The resumed engagement works again: its task completes.
        journeys.uploadAuthority(other, "authority.pdf", Journeys.PDF);
        assertThatEngagement(other).isWaitingAt(VERIFY_SIGNING_AUTHORITY);
    }

    @Test
    void noEvidenceInTimeReturnsToTheModerator() {
        ProcessInstance block = blockProcess();
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "ASK_EVIDENCE",
                "evidenceRequest", "The payment order, please"));
        Job timer = management.createJobQuery().processInstanceId(block.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(journeys.now().plus(Duration.ofDays(14)));
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());
        assertThatEngagement(block).hasPassed(BlockProcess.Elements.EVIDENCE_OVERDUE).isWaitingAt(BlockProcess.Elements.REVIEW_BLOCK);
    }

    @Test
    void terminatingEndsBothEngagementsAndTheClientStaysBlocked() throws Exception {
        ProcessInstance block = blockProcess();
        String reviewId = task(BlockProcess.Elements.REVIEW_BLOCK, block).getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(reviewId, Map.of("blockDecision", "TERMINATE")))
                .hasMessageContaining("decisionNotes");

        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "TERMINATE",
                "decisionNotes", "No answer for a month"));

        assertThatEngagement(block).hasPassed(BlockProcess.Elements.TERMINATE_ENGAGEMENTS).isEnded();
        for (ProcessInstance instance : List.of(breaching, other)) {
            assertThatEngagement(instance).hasPassed(ENGAGEMENT_TERMINATED_START, TERMINATE_ENGAGEMENT).isEnded();
            assertThat(journeys.engagement(instance).getStatus()).isEqualTo(EngagementStatus.TERMINATED);
            assertThat(journeys.templatesSentFor(instance)).contains("engagement.terminated");
        }
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(other.getId()).count()).isZero();
        Map<String, Object> again = Intakes.clean(Intakes.uniqueEmail("again"));
        again.put("registrationNumber", journeys.inn);
        assertThat(post("/api/registrations", json.writeValueAsString(again), null).statusCode()).isEqualTo(409);
    }

    private com.engagementorchestrator.promise.Promise openPromiseOf(ProcessInstance instance) {
        return context.getBean(com.engagementorchestrator.promise.PromiseLedger.class).ofEngagement(journeys.engagement(instance).getId())
                .stream().filter(p -> p.getStatus() == com.engagementorchestrator.promise.Promise.Status.OPEN).findFirst().orElseThrow();
    }

    private ProcessInstance blockProcess() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals("clientUserId", journeys.email).singleResult();
    }

    private Job ladderTimer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(journeys.ladder(instance).getId()).timers().singleResult();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postAs(String path, String body, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

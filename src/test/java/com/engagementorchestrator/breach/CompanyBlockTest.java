package com.engagementorchestrator.breach;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static com.engagementorchestrator.support.EngagementAssert.task;

import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Anyone can register with a company's public registration number. A contact who never proved signing authority and
 * lets its deadline pass is blocked alone; only the breach of a contact whose authority was confirmed blocks the
 * company. Refusals tell an anonymous caller nothing about anyone's breach.
 */
@IntegrationTest
class CompanyBlockTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired BlockService blocks;
    @Autowired BreachService breaches;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Journeys journeys;

    @BeforeEach
    void startTheClock() {
        journeys = new Journeys(context);
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStrangerWhoNeverProvedAuthorityIsBlockedAloneAndTheCompanyStaysOpen() throws Exception {
        // A stranger registers with company X's public number and never proves signing authority.
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        String stranger = Intakes.uniqueEmail("stranger");
        HttpResponse<String> registered = register(stranger, journeys.inn);
        assertThat(registered.statusCode()).isEqualTo(201);
        ProcessInstance instance = journeys.instanceOf(json.readTree(registered.body()).path("engagementNumber").asText());
        Journeys.screenIntake(management, instance.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        journeys.acceptAfterIntroCall(instance);

        journeys.escalateToBreach(instance);

        // The breach is recorded and the stranger is blocked.
        assertThatEngagement(journeys.awaitedObligation(instance)).hasPassed(AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        long strangerId = journeys.engagement(instance).getClient().getId();
        assertThat(journeys.engagement(instance).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(breaches.ofClient(strangerId)).extracting(Breach::getKind).containsExactly("AUTHORITY_OVERDUE");
        assertThat(blocks.inForce(strangerId)).isPresent();
        assertThat(reviewSummary(stranger)).contains("Only this client is blocked");

        // A genuine colleague at X registers, and can start a further engagement: the company is not blocked.
        String colleague = Intakes.uniqueEmail("colleague");
        assertThat(register(colleague, journeys.inn).statusCode()).isEqualTo(201);
        assertThat(startEngagement(colleague).statusCode()).isEqualTo(201);

        // The stranger's own e-mail, anonymously: refused, naming no breach and no one.
        HttpResponse<String> again = register(stranger, journeys.inn);
        assertThat(again.statusCode()).isEqualTo(409);
        assertRevealsNothing(again, stranger);

        // Logged in, the stranger is told their own block.
        HttpResponse<String> own = startEngagement(stranger);
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(own.body()).contains("Your account is blocked").contains("AUTHORITY_OVERDUE");
    }

    @Test
    void theBreachOfAContactWhoseAuthorityWasConfirmedBlocksTheCompanyWithoutTellingOthersWhy() throws Exception {
        // A colleague registered earlier; then the confirmed contact does not pay the deposit.
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        String colleague = Intakes.uniqueEmail("earlier-colleague");
        assertThat(register(colleague, journeys.inn).statusCode()).isEqualTo(201);
        ProcessInstance confirmed = journeys.awaitingDeposit(body -> { });
        journeys.escalateToBreach(confirmed);
        assertThatEngagement(journeys.awaitedObligation(confirmed)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThat(reviewSummary(journeys.email)).contains("The company is blocked too");

        // A new contact at the company, anonymously: refused without the breach or the contact.
        HttpResponse<String> newcomer = register(Intakes.uniqueEmail("newcomer"), journeys.inn);
        assertThat(newcomer.statusCode()).isEqualTo(409);
        assertRevealsNothing(newcomer, journeys.email);

        // The blocked contact's e-mail, anonymously: the same answer.
        HttpResponse<String> sameEmail = register(journeys.email, journeys.inn);
        assertThat(sameEmail.statusCode()).isEqualTo(409);
        assertRevealsNothing(sameEmail, journeys.email);

        // The colleague, logged in: no further engagement, and nothing about the other contact's breach.
        HttpResponse<String> colleagues = startEngagement(colleague);
        assertThat(colleagues.statusCode()).isEqualTo(409);
        assertThat(colleagues.body()).contains("not possible at the moment").contains("support")
                .doesNotContain("DEPOSIT_OVERDUE").doesNotContain(journeys.email).doesNotContain("breach");
    }

    /** What the moderator reads in the Review block task of the client's block. */
    private String reviewSummary(String clientUserId) {
        ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals("clientUserId", clientUserId).singleResult();
        return (String) tasks.getVariableLocal(task(BlockProcess.Elements.REVIEW_BLOCK, block).getId(), "blockSummary");
    }

    private void assertRevealsNothing(HttpResponse<String> refusal, String blockedContact) throws Exception {
        String message = json.readTree(refusal.body()).path("message").asText();
        assertThat(message).contains("Registration is not possible at the moment").contains("support@");
        assertThat(refusal.body()).doesNotContainIgnoringCase("breach").doesNotContain("OVERDUE")
                .doesNotContainIgnoringCase("blocked").doesNotContain(blockedContact).doesNotContain("ENG-");
    }

    private HttpResponse<String> register(String email, String registrationNumber) throws Exception {
        Map<String, Object> body = Intakes.clean(email);
        body.put("registrationNumber", registrationNumber);
        return post("/api/registrations", json.writeValueAsString(body), null);
    }

    private HttpResponse<String> startEngagement(String user) throws Exception {
        return post("/api/engagements", json.writeValueAsString(Map.of("firstContactChannel", "EMAIL",
                "projectDescription", "A further project", "budgetAmount", 100000, "budgetCurrency", "RUB",
                "desiredDeadline", LocalDate.now().plusMonths(3).toString(), "decisionMaking", "SELF")), user);
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

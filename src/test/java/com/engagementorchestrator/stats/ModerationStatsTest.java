package com.engagementorchestrator.stats;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.BlockProcess;
import com.engagementorchestrator.engagement.EngagementPhase;
import com.engagementorchestrator.engagement.PhasePeriod;
import com.engagementorchestrator.engagement.PhasePeriods;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * GET /api/stats and the /stats page over HTTP: a decline by the rules and an accepted client who breaches show in the
 * figures of the day they registered; moderators and admins only.
 */
@IntegrationTest
class ModerationStatsTest {

    static final String CLIENT_PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired PhasePeriods periods;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void screeningOutcomesBreachRatesAndTimePerPhaseAfterTwoJourneys() throws Exception {
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        String day = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
        String query = "/api/stats?from=" + day + "&to=" + day;
        JsonNode before = stats(query);

        Journeys declined = new Journeys(context);
        RegistryStubs.company(declined.inn, "ACTIVE", 0, 0);
        ProcessInstance declinedInstance = declined.register(body -> {
            body.put("desiredDeadline", LocalDate.now().plusDays(5).toString());
            body.put("firstContactChannel", "VOICE_MESSAGE");
            body.put("previousContractorsExperience", "They were all incompetent");
        });
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(declinedInstance).getId());
        assertThatEngagement(declinedInstance).isEnded();

        Journeys breaching = new Journeys(context);
        ProcessInstance instance = breaching.awaitingDeposit(body -> { });
        breaching.escalateToBreach(instance);
        ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals(BlockProcess.Variables.CLIENT_USER_ID.name(), breaching.email).singleResult();
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "TERMINATE",
                "decisionNotes", "No answer for a month"));
        assertThatEngagement(instance).isEnded();

        // Where the phase changes, its stay is recorded: the accepted client's path through the lifecycle.
        var stays = periods.findByEngagementIdOrderByIdAsc(breaching.engagement(instance).getId());
        assertThat(stays).extracting(PhasePeriod::getPhase).containsExactly(EngagementPhase.SCREENING,
                EngagementPhase.SCREENING_REVIEW, EngagementPhase.SIGNING_AUTHORITY, EngagementPhase.AUTHORITY_VERIFICATION,
                EngagementPhase.DEPOSIT);
        assertThat(stays).allSatisfy(stay -> assertThat(stay.getLeftAt()).isNotNull());
        long depositMs = stays.get(4).getDurationMs();
        assertThat(depositMs).isGreaterThan(Duration.ofDays(14).toMillis());

        JsonNode after = stats(query);
        assertThat(after.path("from").asText()).isEqualTo(day);
        assertThat(after.path("engagements").asLong() - before.path("engagements").asLong()).isEqualTo(2);
        assertThat(verdict(after, "DECLINE", "count") - verdict(before, "DECLINE", "count")).isEqualTo(1);
        assertThat(verdict(after, "ACCEPT", "count") - verdict(before, "ACCEPT", "count")).isEqualTo(1);
        assertThat(verdict(after, "ACCEPT", "byModerator") - verdict(before, "ACCEPT", "byModerator")).isEqualTo(1);
        JsonNode deposits = row(after.path("breaches"), "kind", "DEPOSIT_OVERDUE");
        assertThat(deposits.path("breaches").asLong() - row(before.path("breaches"), "kind", "DEPOSIT_OVERDUE").path("breaches").asLong())
                .isEqualTo(1);
        assertThat(deposits.path("perEngagement").decimalValue().doubleValue())
                .isCloseTo((double) deposits.path("breaches").asLong() / after.path("engagements").asLong(),
                        org.assertj.core.data.Offset.offset(0.001));
        JsonNode screening = row(after.path("phases"), "phase", "SCREENING");
        assertThat(screening.path("stays").asLong() - row(before.path("phases"), "phase", "SCREENING").path("stays").asLong())
                .isEqualTo(2);
        JsonNode deposit = row(after.path("phases"), "phase", "DEPOSIT");
        assertThat(deposit.path("maxHours").asDouble()).isGreaterThanOrEqualTo(depositMs / 3_600_000d - 0.01);
        assertThat(deposit.path("medianHours").asDouble()).isLessThanOrEqualTo(deposit.path("p90Hours").asDouble());
        assertThat(after.path("phases").get(0).path("phase").asText()).isEqualTo("SCREENING");

        // A client may not read them, nor anyone without credentials; a wrong period says what is wrong.
        assertThat(get(query, breaching.email, CLIENT_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(get(query, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongDate = get("/api/stats?from=yesterday", "moderator", "moderator");
        assertThat(wrongDate.statusCode()).isEqualTo(400);
        assertThat(wrongDate.body()).contains("from").contains("ISO date");
        HttpResponse<String> backwards = get("/api/stats?from=2026-03-01&to=2026-02-01", "moderator", "moderator");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("after the last day");
        assertThat(get("/api/stats", "demo", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void thePageIsForModerators() throws Exception {
        HttpResponse<String> page = get("/stats", "moderator", "moderator");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/stats.js").contains("id=\"phases\"");
        assertThat(get("/assets/stats.js", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/stats", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/stats.html", "freelancer", "freelancer").statusCode()).isEqualTo(403);
    }

    private static long verdict(JsonNode report, String verdict, String field) {
        return row(report.path("screening"), "verdict", verdict).path(field).asLong();
    }

    private static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (row.path(key).asText().equals(value)) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode stats(String query) throws Exception {
        HttpResponse<String> response = get(query, "moderator", "moderator");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

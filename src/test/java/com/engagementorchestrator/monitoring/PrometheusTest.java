package com.engagementorchestrator.monitoring;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.BlockProcess;
import com.engagementorchestrator.engagement.EngagementProcess;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * /actuator/prometheus over HTTP: only the scrape user and admins read it; the business metrics move with a journey
 * (registration, verdict, breach, block, time per phase) and the incident gauge counts a real incident.
 */
@IntegrationTest
class PrometheusTest {

    static final String SCRAPE_USER = "prometheus";
    static final String SCRAPE_PASSWORD = "prometheus-test";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Deployment broken;
    String failedInstance;

    @AfterEach
    void cleanUp() {
        if (failedInstance != null) {
            runtime.deleteProcessInstance(failedInstance, "PrometheusTest cleans up its incident");
        }
        if (broken != null) {
            repository.deleteDeployment(broken.getId(), true);
        }
        ClockUtil.reset();
    }

    @Test
    void onlyTheScrapeUserAndAdminsReadTheMetrics() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = get("/actuator/prometheus", SCRAPE_USER, SCRAPE_PASSWORD);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(scrape.body()).contains("camunda_jobs{").contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/prometheus", "demo", "demo").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "moderator", "moderator").statusCode()).isEqualTo(403);
        // The scrape user reads nothing else.
        assertThat(get("/actuator/metrics", SCRAPE_USER, SCRAPE_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(get("/api/stats", SCRAPE_USER, SCRAPE_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(get("/engine-rest/process-instance/count", SCRAPE_USER, SCRAPE_PASSWORD).body()).contains("\"count\":0");
        // A wrong password is tried on a user of its own: it would delay that account's next log-in (loginDelayBase).
        assertThat(get("/actuator/prometheus", "no-such-scraper", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void businessMetricsFollowAJourneyFromRegistrationToABlock() throws Exception {
        String before = scrape();
        Journeys journeys = new Journeys(context);
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        journeys.escalateToBreach(instance);
        ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals(BlockProcess.Variables.CLIENT_USER_ID.name(), journeys.email).singleResult();
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "TERMINATE",
                "decisionNotes", "No answer for a month"));
        assertThatEngagement(instance).isEnded();
        String after = scrape();

        assertThat(delta(before, after, "engagement_registrations_total", "client=\"new\"")).isEqualTo(1);
        assertThat(delta(before, after, "engagement_screening_verdicts_total", "verdict=\"ACCEPT\"",
                "decided_by=\"moderator\"", "override=\"false\"")).isEqualTo(1);
        assertThat(delta(before, after, "engagement_breaches_total", "kind=\"DEPOSIT_OVERDUE\"")).isEqualTo(1);
        assertThat(delta(before, after, "engagement_blocks_placed_total")).isEqualTo(1);
        assertThat(delta(before, after, "engagement_blocks_ended_total", "outcome=\"TERMINATED\"")).isEqualTo(1);
        for (String phase : new String[] {"SCREENING", "SCREENING_REVIEW", "SIGNING_AUTHORITY", "AUTHORITY_VERIFICATION",
                "DEPOSIT"}) {
            assertThat(delta(before, after, "engagement_phase_duration_seconds_count", "phase=\"" + phase + "\""))
                    .as("stays in " + phase).isEqualTo(1);
        }
        // The deposit waited from the invoice through the whole ladder and the block (more than two weeks of engine
        // time), so the stay ends beyond the 14-day bucket and within the 90-day one.
        double depositSeconds = delta(before, after, "engagement_phase_duration_seconds_sum", "phase=\"DEPOSIT\"");
        assertThat(depositSeconds).isGreaterThan(Duration.ofDays(14).toSeconds());
        assertThat(after).contains("engagement_phase_duration_seconds_bucket{");
        // Repository calls are not timed one by one (application.yaml: their timer lookup cost CPU on every call).
        assertThat(after).doesNotContain("spring_data_repository_invocations");
        // A decline by the rules counts as such (registered now: its deadline is five days from today).
        ClockUtil.reset();
        String beforeDecline = scrape();
        Journeys declined = new Journeys(context);
        RegistryStubs.company(declined.inn, "ACTIVE", 0, 0);
        ProcessInstance declinedInstance = declined.register(body -> {
            body.put("desiredDeadline", java.time.LocalDate.now().plusDays(5).toString());
            body.put("firstContactChannel", "VOICE_MESSAGE");
            body.put("previousContractorsExperience", "They were all incompetent");
        });
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(declinedInstance).getId());
        assertThatEngagement(declinedInstance).isEnded();
        assertThat(delta(beforeDecline, scrape(), "engagement_screening_verdicts_total", "verdict=\"DECLINE\"",
                "decided_by=\"rules\"")).isEqualTo(1);
    }

    /** The screening job fails on a rule an analyst got wrong until its retries are exhausted: an incident. */
    @Test
    void theIncidentGaugeCountsARealIncident() throws Exception {
        String rules = Files.readString(Path.of("processes/screening-rules.dmn")).replaceFirst("<rule id=\"MarkerM1Rule2\">", """
                <rule id="BrokenForOneBudgetRule">
                  <inputEntry id="BrokenIn0"><text></text></inputEntry>
                  <outputEntry id="BrokenWeight"><text>if budgetInRub = 123458 then "heavy" else 0</text></outputEntry>
                  <outputEntry id="BrokenReason"><text>"An analyst's mistake"</text></outputEntry>
                </rule>
                <rule id="MarkerM1Rule2">""");
        broken = repository.createDeployment().name("broken-rules-metrics").addString("screening-rules.dmn", rules).deploy();
        long incidentsBefore = engineIncidents();
        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("metrics-incident"));
        body.put("budgetAmount", 123458);
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(uri("/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String number = json.readTree(registered.body()).path("engagementNumber").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(EngagementProcess.KEY).singleResult();
        failedInstance = instance.getId();

        Job job = com.engagementorchestrator.support.EngagementAssert.job(instance);
        int attempts = 0;
        while (job.getRetries() > 0 && attempts < 10) {
            if (job.getDuedate() != null) {
                ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
            }
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("screening");
            attempts++;
            job = management.createJobQuery().jobId(jobId).singleResult();
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(engineIncidents()).isEqualTo(incidentsBefore + 1);

        // The gauges are read from the engine at most every engagement.metrics.engine-refresh (1 s in tests).
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        double gauge = -1;
        while (System.nanoTime() < deadline) {
            gauge = value(scrape(), "camunda_incidents_open", "type=\"failedJob\"", "process=\"engagement\"");
            if (gauge == incidentsBefore + 1) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(gauge).isEqualTo(incidentsBefore + 1);
        assertThat(value(scrape(), "camunda_jobs", "state=\"failed\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape(), "camunda_engine_metrics_age_seconds")).isBetween(0.0, 5.0);
    }

    private long engineIncidents() {
        return runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .processDefinitionKeyIn(EngagementProcess.KEY).count();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", SCRAPE_USER, SCRAPE_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The sum of every sample of the metric whose labels include these (0 when there is none). */
    static double value(String exposition, String name, String... labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            boolean matches = true;
            for (String label : labels) {
                matches &= series.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

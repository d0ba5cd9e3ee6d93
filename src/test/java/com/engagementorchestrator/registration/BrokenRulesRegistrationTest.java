package com.engagementorchestrator.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rules that fail at run time (in a way no sample shows) never fail a registration: it is stored and answered 201, and
 * screening is a job that is retried and ends as an incident for Cockpit.
 */
@IntegrationTest
class BrokenRulesRegistrationTest {

    /** A budget no sample uses: the broken rule below gives a weight that is not a number only for it. */
    static final int TRIGGER_BUDGET = 123457;

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Engagements engagements;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Deployment broken;

    @AfterEach
    void restoreTheShippedRules() {
        if (broken != null) {
            repository.deleteDeployment(broken.getId(), true);
        }
        ClockUtil.reset();
    }

    private static String anyInput(int inputs) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < inputs; i++) {
            entries.append("<inputEntry id=\"BrokenIn").append(i).append("\"><text></text></inputEntry>");
        }
        return entries.toString();
    }

    @Test
    void aRuleThatFailsAtRunTimeBecomesAnIncidentNotAnError() throws Exception {
        // Before marker-m1's last rule (first match wins): a weight that is not a number, only for one budget.
        String rules = Files.readString(Path.of("processes/screening-rules.dmn")).replaceFirst("<rule id=\"MarkerM1Rule2\">", """
                <rule id="BrokenForOneBudgetRule">
                  %s
                  <outputEntry id="BrokenWeight"><text>if budgetInRub = %d then "heavy" else 0</text></outputEntry>
                  <outputEntry id="BrokenReason"><text>"An analyst's mistake"</text></outputEntry>
                </rule>
                <rule id="MarkerM1Rule2">""".formatted(anyInput(1), TRIGGER_BUDGET));
        // Deployed as the application would: the samples do not reach the mistake, so the check lets it through.
        broken = repository.createDeployment().name("broken-rules").addString("screening-rules.dmn", rules).deploy();

        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("broken-rules"));
        body.put("budgetAmount", TRIGGER_BUDGET);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String number = json.readTree(response.body()).path("engagementNumber").asText();
        assertThat(engagements.findByNumber(number)).isPresent();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(EngagementProcess.KEY).singleResult();

        // The job executor's part, by hand with the engine clock: every attempt fails, then an incident.
        int attempts = 0;
        Job job = com.engagementorchestrator.support.EngagementAssert.job(instance);
        assertThat(job.getRetries()).isPositive();
        while (job.getRetries() > 0 && attempts < 10) {
            if (job.getDuedate() != null) {
                ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
            }
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("screening");
            attempts++;
            job = management.createJobQuery().jobId(jobId).singleResult();
        }
        assertThat(attempts).isGreaterThan(1);
        // The incident is where the job failed: in the screening the engagement called (the call activity shows its copy).
        Incident incident = runtime.createIncidentQuery().processInstanceId(com.engagementorchestrator.support.EngagementAssert
                .called(instance, com.engagementorchestrator.screening.ScreeningProcess.KEY).getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(EngagementProcess.Elements.SCREEN_INTAKE);
        assertThat(engagements.findByNumber(number)).isPresent();
    }
}

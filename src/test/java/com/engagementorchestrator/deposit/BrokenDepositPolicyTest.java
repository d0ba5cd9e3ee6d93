package com.engagementorchestrator.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.support.EngagementAssert.task;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RestDeployments;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 12, item 2: a rule or delegate that fails right after a person's form, or after the payment provider's
 * webhook, fails in a job of its own (an async continuation), not in their request. The person gets 2xx, the job is
 * retried with the backoff of failedJobRetryTimeCycle (PT1M,PT5M,PT15M), and after the last attempt Cockpit shows an
 * incident with the rule's message; once the rule is fixed, a retry carries the engagement on.
 */
@IntegrationTest
class BrokenDepositPolicyTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired DepositService deposits;
    @Autowired WebhookSignature signature;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String broken;

    @AfterEach
    void restoreTheShippedRules() {
        if (broken != null) {
            repository.deleteDeployment(broken, true);
        }
        ClockUtil.reset();
    }

    @Test
    void aBrokenDepositPolicyAfterTheModeratorsDecisionIsAnIncidentNotAnError() throws Exception {
        Journeys journeys = new Journeys(context);
        // Yuan: a currency the policy's samples (decision-samples/deposit-minimum.json) do not try, so the guard lets
        // the analyst's mistake through, as a mistake in a rule no sample reaches would be in production.
        ProcessInstance instance = journeys.accepted(body -> body.put("budgetCurrency", "CNY"));
        journeys.uploadAuthority(instance, "order.pdf", Journeys.PDF);
        String rules = Files.readString(Path.of("processes/deposit-policy.dmn")).replaceFirst("<rule id=\"RubMinimumRule\">", """
                <rule id="BrokenYuanMinimumRule">
                  <inputEntry id="BrokenYuanMinimumRuleIn0"><text>"CNY"</text></inputEntry>
                  <outputEntry id="BrokenYuanMinimumRuleOut0"><text>if currency = "CNY" then "fifteen thousand" else 0</text></outputEntry>
                </rule>
                <rule id="RubMinimumRule">""");
        HttpResponse<String> deployed = RestDeployments.deploy(http, port, "analyst", "broken-deposit-policy",
                Map.of("deposit-policy.dmn", rules.getBytes(StandardCharsets.UTF_8)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        broken = json.readTree(deployed.body()).path("id").asText();

        ClockUtil.setCurrentTime(new Date()); // the engine clock stands still: the backoff is exact
        // The moderator accepts the document in Tasklist (the engine's REST API): the form is saved, whatever follows.
        String verify = task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, instance).getId();
        HttpResponse<String> submitted = BasicAuthHttp.send(http, json, port, "POST", "/engine-rest/task/" + verify
                + "/submit-form", Map.of("variables", Map.of("authorityDecision", Map.of("value", "ACCEPTED"))),
                "moderator", "moderator");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(verify).finished().count()).isOne();

        // The deposit phase, which issues the invoice first, is a job of its own that failed: retried after 1, 5 and
        // 15 minutes (engine clock).
        Job job = com.engagementorchestrator.support.EngagementAssert.job(EngagementProcess.Elements.DEPOSIT, instance);
        assertThat(job).as("the continuation after the moderator's form").isNotNull();
        assertThat(job.getExceptionMessage()).contains("deposit-minimum");
        assertThat(management.getJobExceptionStacktrace(job.getId())).contains("fifteen thousand");
        List<Duration> backoff = new ArrayList<>();
        while (job.getRetries() > 0) {
            Instant failedAt = ClockUtil.getCurrentTime().toInstant();
            backoff.add(Duration.between(failedAt, job.getDuedate().toInstant()));
            ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
            String id = job.getId();
            assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("deposit-minimum");
            job = management.createJobQuery().jobId(id).singleResult();
        }
        assertThat(backoff).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(EngagementProcess.Elements.DEPOSIT);
        // Cockpit shows the message, naming the table, and the stack trace with the cell's mistake.
        assertThat(incident.getIncidentMessage()).isEqualTo("Exception while evaluating decision with key 'deposit-minimum'");
        assertThat(management.getJobExceptionStacktrace(job.getId())).contains("fifteen thousand");
        assertThat(deposits.invoices(journeys.engagement(instance).getId())).isEmpty();
        assertThatEngagement(instance).isNotEnded();

        // The analyst removes the broken version; Cockpit's "retry" sets a retry and the job executor runs it.
        repository.deleteDeployment(broken, true);
        broken = null;
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);
        assertThat(deposits.depositInvoice(journeys.engagement(instance).getId()).getCurrency()).isEqualTo("CNY");
    }

    /**
     * The payment provider's webhook ends at the payment: confirming the deposit and thanking the client is the
     * job after it, so a failure there is the job's (retried, then an incident), never the provider's 500.
     */
    @Test
    void theWebhooksPaymentIsConfirmedInAJobOfItsOwn() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        String body = """
                {"paymentId": "async-%s", "invoiceNumber": "%s", "amount": %s, "currency": "%s"}
                """.formatted(invoice.getNumber(), invoice.getNumber(), invoice.getAmount().toPlainString(), invoice.getCurrency());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/payments/webhook"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, "sha256=" + signature.sign(body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        String depositPhase = history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey(DepositProcess.KEY).singleResult().getId();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(depositPhase)
                .activityIdIn(EngagementProcess.Elements.CONFIRM_DEPOSIT).creationLog().count())
                .as("the deposit is confirmed by a job, not in the webhook's transaction").isOne();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(depositPhase)
                .activityIdIn(EngagementProcess.Elements.CONFIRM_DEPOSIT).successLog().count()).isOne();
        assertThatEngagement(instance).hasPassed(EngagementProcess.Elements.CONFIRM_DEPOSIT)
                .isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
    }
}

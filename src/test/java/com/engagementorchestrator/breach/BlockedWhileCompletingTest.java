package com.engagementorchestrator.breach;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static com.engagementorchestrator.support.EngagementAssert.task;

import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.registration.ProjectDetails;
import com.engagementorchestrator.registration.RegistrationService;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.PortalClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client's task completed in the portal at the moment of the breach (issue 10, item 7): the portal let it through, then the breach
 * suspended the task while the completion ran. The answer is the 403 with the block's reason, not a raw 500, and it
 * says that the upload was not kept.
 */
@IntegrationTest
class BlockedWhileCompletingTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RegistrationService registrations;
    @Autowired AuthorityService authority;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anUploadThatMeetsTheBreachIsRefusedWith403AndTheReason() throws Exception {
        Journeys journeys = new Journeys(context);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance breaching = journeys.awaitingDeposit(body -> { });
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(2))));
        var second = registrations.startEngagement(journeys.email, new ProjectDetails("EMAIL", "A landing page for a new product",
                "Leads", new java.math.BigDecimal("180000"), "RUB", java.time.LocalDate.now().plusMonths(4).toString(), 0, "", "SELF", "DESIGN"));
        ProcessInstance other = journeys.instanceOf(second.getNumber());
        Journeys.screenIntake(management, other.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(other).getId());
        journeys.acceptAfterIntroCall(other);
        String taskId = task(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY, other).getId();
        long otherId = journeys.engagement(other).getId();
        for (int step = 0; step < 4; step++) {
            journeys.fireNextLadderTimer(breaching);
        }
        Job deadline = management.createJobQuery().processInstanceId(journeys.ladder(breaching).getId()).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));

        String obligation = journeys.awaitedObligation(breaching).getId();

        // The deadline's timer passes to the job that reports the missed deadline (an async continuation), which
        // records the breach and suspends the other engagement; its transaction is about to commit. Both run here in
        // one transaction, so that it stays open.
        CountDownLatch breached = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> breach = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            management.executeJob(deadline.getId());
            management.executeJob(management.createJobQuery().processInstanceId(obligation)
                    .activityId(AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE).singleResult().getId());
            breached.countDown();
            await(commit);
        }));
        assertThat(breached.await(60, TimeUnit.SECONDS)).isTrue();

        // The client uploads the authority document in the portal now: the portal sees an active task, the engine
        // meets the breach.
        PortalClient portal = new PortalClient(http, json, port, journeys.email, "correct-horse-battery");
        HttpRequest request = portal.multipart("/api/portal/tasks/" + taskId + "/submit",
                Map.of("authorityDocument", Journeys.PDF)).build();
        CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!upload.isDone() && !someoneWaitsForALock() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        commit.countDown();
        breach.get(60, TimeUnit.SECONDS);
        HttpResponse<String> answer = upload.get(60, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("is paused").contains("DEPOSIT_OVERDUE").contains("not kept");
        assertThat(authority.documents(otherId)).as("nothing of the upload was stored").isEmpty();
        assertThatEngagement(other).isWaitingAt(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
    }

    private boolean someoneWaitsForALock() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", Long.class) > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

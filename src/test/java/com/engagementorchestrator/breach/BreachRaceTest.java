package com.engagementorchestrator.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A breach checks that the obligation is still unmet (issue 10, item 4): a payment that is being recorded while the
 * deadline's job runs is waited for and seen, and the client is not breached.
 */
@IntegrationTest
class BreachRaceTest {

    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    @Autowired PaymentService payments;
    @Autowired DepositService deposits;
    @Autowired BreachService breaches;
    @Autowired BlockService blocks;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aPaymentCommittingWhileTheDeadlineJobRunsIsNoBreach() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        for (int step = 0; step < 4; step++) {
            journeys.fireNextLadderTimer(instance); // friendly, due, concern, warning: the deadline is next
        }
        Job deadline = management.createJobQuery().processInstanceId(journeys.ladder(instance).getId()).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));
        long engagementId = journeys.engagement(instance).getId();
        Invoice invoice = deposits.depositInvoice(engagementId);

        // The webhook's transaction has recorded the full payment (the invoice row is locked) and is about to commit.
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> payment = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            payments.record(new PaymentService.ProviderPayment("race-" + invoice.getNumber(), invoice.getNumber(),
                    invoice.getAmount(), invoice.getCurrency(), null), "{}");
            recorded.countDown();
            await(commit);
        }));
        assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();

        // Meanwhile the job executor runs the deadline's job.
        CompletableFuture<Void> deadlineJob = CompletableFuture.runAsync(() -> {
            try {
                management.executeJob(deadline.getId());
            } catch (OptimisticLockingException lostToTheMessage) {
                // The payment's DepositReceived reached the process first: just as good.
            }
        });
        // Let the payment commit once the job waits for the invoice (or has finished without looking at it).
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!deadlineJob.isDone() && !someoneWaitsForALock() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        commit.countDown();
        payment.get(30, TimeUnit.SECONDS);
        deadlineJob.get(30, TimeUnit.SECONDS);

        long clientId = journeys.engagement(instance).getClient().getId();
        assertThat(breaches.ofEngagement(engagementId)).as("no breach recorded").isEmpty();
        assertThat(blocks.inForce(clientId)).as("the client is not blocked").isEmpty();
        assertThat(journeys.engagement(instance).getStatus()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(journeys.templatesSentFor(instance)).doesNotContain("block.notice");
        assertThat(instance).isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
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

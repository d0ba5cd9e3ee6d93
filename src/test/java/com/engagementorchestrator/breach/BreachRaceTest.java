package com.engagementorchestrator.breach;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
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
import org.springframework.dao.DataIntegrityViolationException;
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
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
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
            } catch (RuntimeException e) {
                // The payment's DepositReceived reached the process first: just as good. The job lost a conflict (the
                // engine's optimistic lock, or the "deposit received" letter the winner recorded) and rolled back.
                assertThat(lostAConflict(e)).as("the deadline job failed only by losing to the payment: %s", e).isTrue();
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
        assertThat(journeys.templatesSentFor(instance)).doesNotContain("block.notice")
                .containsOnlyOnce("deposit.received");
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
    }

    /**
     * The second case: a sibling engagement's deposit was paid while the client was blocked (recorded, but
     * the paused process could not take the message), and its moved deadline fired right after the lift, before the
     * message reached it. Here the process is suspended and activated as a block does, and the deadline's job runs
     * before any DepositReceived.
     */
    @Test
    void aDepositPaidWhilePausedIsNoBreachWhenTheDeadlineFiresBeforeTheMessage() {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        for (int step = 0; step < 4; step++) {
            journeys.fireNextLadderTimer(instance);
        }
        ProcessInstance ladderInstance = journeys.ladder(instance);
        Job deadline = management.createJobQuery().processInstanceId(ladderInstance.getId()).timers().singleResult();
        long engagementId = journeys.engagement(instance).getId();
        Invoice invoice = deposits.depositInvoice(engagementId);

        // Paused as a block pauses it: the engagement, its phase and the processes they called.
        String[] paused = com.engagementorchestrator.support.EngagementAssert.instanceIds(instance);
        for (String id : paused) {
            runtime.suspendProcessInstanceById(id);
        }
        var recorded = payments.record(new PaymentService.ProviderPayment("paused-" + invoice.getNumber(), invoice.getNumber(),
                invoice.getAmount(), invoice.getCurrency(), null), "{}");
        assertThat(recorded.invoicePaid()).isTrue();
        for (String id : paused) {
            runtime.activateProcessInstanceById(id);
        }
        ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(deadline.getId());

        assertThat(breaches.ofEngagement(engagementId)).as("no breach recorded").isEmpty();
        assertThat(blocks.inForce(journeys.engagement(instance).getClient().getId())).isEmpty();
        assertThatEngagement(instance).hasPassed(EngagementProcess.Elements.RENEW_PAYMENT_DUE_DATE)
                .isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
    }

    private static boolean lostAConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof DataIntegrityViolationException
                    || String.valueOf(t.getMessage()).contains("correspondence_dedup_key")) {
                return true;
            }
        }
        return false;
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

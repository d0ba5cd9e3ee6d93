package com.engagementorchestrator.breach;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The one reusable wait on a client (processes/await-obligation.bpmn), driven through a real caller: the deposit.
 * Every path: the deadline blocks the client and withdraws the caller's task, the lift ends it "due again"; an
 * obligation met right at the deadline ends "due again" without a block; the caller's task done in time ends it.
 */
@IntegrationTest
class AwaitObligationProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired BreachService breaches;
    @Autowired BlockService blocks;
    @Autowired DepositService deposits;
    @Autowired PaymentService payments;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMissedDeadlineBlocksTheClientWithdrawsTheCallersTaskAndTheLiftMakesItDueAgain() {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.awaitingDeposit(body -> { });
        ProcessInstance awaited = journeys.awaitedObligation(engagement);
        assertThatEngagement(awaited).isWaitingAt(AwaitObligationProcess.Elements.REMIND_CLIENT);
        assertThat(runtime.getVariables(awaited.getId())).containsEntry(AwaitObligationProcess.Variables.OBLIGATION.name(), "DEPOSIT")
                .containsEntry(AwaitObligationProcess.Variables.BREACH_KIND.name(), "DEPOSIT_OVERDUE")
                .containsEntry(AwaitObligationProcess.Variables.ENGAGEMENT_ID.name(), journeys.engagement(engagement).getId())
                .containsEntry(AwaitObligationProcess.Variables.DUE_AT.name(),
                        com.engagementorchestrator.support.EngagementAssert.variable(engagement, com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.DUE_AT.name()));
        assertThat(awaited.getBusinessKey()).isEqualTo(engagement.getBusinessKey());

        journeys.escalateToBreach(engagement);

        assertThatEngagement(awaited).hasPassed(AwaitObligationProcess.Elements.DEADLINE_PASSED,
                        AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE, AwaitObligationProcess.Elements.CLIENT_BLOCKED,
                        AwaitObligationProcess.Elements.WITHDRAW_CLIENT_TASK)
                .isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThat(breaches.ofEngagement(journeys.engagement(engagement).getId())).singleElement()
                .satisfies(b -> assertThat(b.getKind()).isEqualTo("DEPOSIT_OVERDUE"));
        assertThat(journeys.engagement(engagement).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        // The breaching engagement is not paused: it waits for the lift, without the client's task.
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(engagement.getId()).singleResult().isSuspended()).isFalse();
        assertThatEngagement(engagement).hasPassed(EngagementProcess.Elements.PAY_TASK_WITHDRAWN)
                .isWaitingAt(EngagementProcess.Elements.PAYMENT_OBLIGATION);
        assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement))
                .taskDefinitionKey(EngagementProcess.Elements.PAY_DEPOSIT).count()).isZero();

        var review = tasks.createTaskQuery().processDefinitionKey(BlockProcess.KEY)
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT"));

        assertThatEngagement(awaited).hasPassed(AwaitObligationProcess.Elements.BLOCK_LIFTED, AwaitObligationProcess.Elements.DUE_AGAIN_MERGE,
                AwaitObligationProcess.Elements.DUE_AGAIN).isEnded();
        assertThatEngagement(engagement).hasPassed(EngagementProcess.Elements.PAYMENT_DUE_AGAIN, EngagementProcess.Elements.RENEW_PAYMENT_DUE_DATE)
                .isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT, EngagementProcess.Elements.PAYMENT_OBLIGATION);
        ProcessInstance again = journeys.awaitedObligation(engagement);
        assertThat(again.getId()).as("a new wait with the new due date").isNotEqualTo(awaited.getId());
        assertThat(runtime.getVariable(again.getId(), AwaitObligationProcess.Variables.DUE_AT.name()))
                .isEqualTo(com.engagementorchestrator.support.EngagementAssert.variable(engagement, com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.DUE_AT.name()));
    }

    @Test
    void anObligationMetAtTheDeadlineIsDueAgainWithoutABlock() {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.awaitingDeposit(body -> { });
        for (int step = 0; step < 4; step++) {
            journeys.fireNextLadderTimer(engagement);
        }
        ProcessInstance awaited = journeys.awaitedObligation(engagement);
        Job deadline = management.createJobQuery().processInstanceId(journeys.ladder(engagement).getId()).timers().singleResult();
        long engagementId = journeys.engagement(engagement).getId();
        Invoice invoice = deposits.depositInvoice(engagementId);
        // Paid while the engagement could not take the message (it is paused here as a block pauses it).
        String[] paused = com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement);
        for (String id : paused) {
            runtime.suspendProcessInstanceById(id);
        }
        assertThat(payments.record(new PaymentService.ProviderPayment("met-" + invoice.getNumber(), invoice.getNumber(),
                invoice.getAmount(), invoice.getCurrency(), null), "{}").invoicePaid()).isTrue();
        for (String id : paused) {
            runtime.activateProcessInstanceById(id);
        }
        ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(deadline.getId());

        assertThatEngagement(awaited).hasPassed(AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE,
                        AwaitObligationProcess.Elements.DUE_AGAIN_MERGE, AwaitObligationProcess.Elements.DUE_AGAIN)
                .hasNotPassed(AwaitObligationProcess.Elements.WITHDRAW_CLIENT_TASK, AwaitObligationProcess.Elements.BLOCK_LIFTED)
                .isEnded();
        assertThat(breaches.ofEngagement(engagementId)).isEmpty();
        assertThat(blocks.inForce(journeys.engagement(engagement).getClient().getId())).isEmpty();
        assertThatEngagement(engagement).hasPassed(EngagementProcess.Elements.PAYMENT_DUE_AGAIN, EngagementProcess.Elements.RENEW_PAYMENT_DUE_DATE)
                .hasNotPassed(EngagementProcess.Elements.PAY_TASK_WITHDRAWN)
                .isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
    }

    @Test
    void theCallersTaskDoneInTimeEndsTheWaitAndItsReminders() {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        ProcessInstance awaited = journeys.awaitedObligation(engagement);
        ProcessInstance ladder = journeys.ladder(engagement);
        assertThatEngagement(awaited).isWaitingAt(AwaitObligationProcess.Elements.REMIND_CLIENT);

        journeys.uploadAuthority(engagement, "order.pdf", Journeys.PDF);

        assertThatEngagement(engagement).hasPassed(EngagementProcess.Elements.AUTHORITY_UPLOADED)
                .hasNotPassed(EngagementProcess.Elements.AUTHORITY_DUE_AGAIN)
                .isWaitingAt(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY);
        assertThatEngagement(awaited).hasNotPassed(AwaitObligationProcess.Elements.DEADLINE_PASSED).isEnded();
        assertThatEngagement(ladder).isEnded();
    }
}

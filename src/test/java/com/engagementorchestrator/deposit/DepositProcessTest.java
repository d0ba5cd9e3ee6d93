package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.engagement.EngagementPhase;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.reminder.ReminderLadderProcess;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/** Every path of the deposit (processes/engagement.bpmn, DOMAIN.md step 4) on the real engine; timers on the engine clock. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class DepositProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DepositService deposits;
    @Autowired PaymentService payments;
    @Autowired PromiseLedger promises;

    Journeys journeys;
    Instant start;

    @BeforeEach
    void setUp() {
        journeys = new Journeys(context);
        start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(start));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theInvoiceFollowsTheAnalystsPolicyAndTheDepositPaidByWebhookStartsTheBrief() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> body.put("budgetAmount", 250000));
        Invoice invoice = invoice(instance);
        // Score 0: 30 % of 250 000, above the RUB minimum of 15 000.
        assertThat(invoice.getAmount()).isEqualByComparingTo("75000.00");
        assertThat(invoice.getSharePercent()).isEqualTo(30);
        assertThat(invoice.getDueAt()).isEqualTo(start.plus(Duration.ofDays(7)));
        assertThat(journeys.ladder(instance)).isNotNull();
        // The deposit phase calls collect-payment for this invoice; its pay task is named by the invoice's kind.
        var collecting = com.engagementorchestrator.support.EngagementAssert.called(instance, CollectPaymentProcess.KEY);
        assertThat(CollectPaymentProcess.Variables.INVOICE_NUMBER.get(runtime, collecting.getId())).isEqualTo(invoice.getNumber());
        assertThatEngagement(instance).isWaitingAt(COLLECT_DEPOSIT, PAY_INVOICE);
        assertThat(tasks.getVariableLocal(com.engagementorchestrator.support.EngagementAssert.task(PAY_INVOICE, instance).getId(),
                CollectPaymentProcess.Variables.INVOICE_KIND.name())).isEqualTo("DEPOSIT");

        var result = pay(invoice, "75000.00");

        assertThat(result.outcome()).isEqualTo(PaymentService.Outcome.RECORDED);
        assertThat(result.invoicePaid()).isTrue();
        assertThatEngagement(instance).hasPassed(PAYMENT_RECEIVED, PAID_MERGE, CONFIRM_DEPOSIT).isWaitingAt(PREPARE_BRIEF);
        assertThat(journeys.ladder(instance)).as("the ladder stops with the payment").isNull();
        assertThat(journeys.engagement(instance).getPhase()).isEqualTo(EngagementPhase.BRIEF);
        assertThat(promise(instance).getStatus()).isEqualTo(Promise.Status.KEPT);
        assertThat(journeys.templatesSentFor(instance)).endsWith("deposit.invoice", "deposit.received");
    }

    @Test
    void aSmallBudgetPaysTheMinimumDeposit() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> body.put("budgetAmount", 30000));
        assertThat(invoice(instance).getAmount()).isEqualByComparingTo("15000.00");
    }

    @Test
    void partialPaymentsAddUpAndOnlyTheFullAmountMovesOn() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        Invoice invoice = invoice(instance);

        var first = pay(invoice, "50000.00");
        assertThat(first.invoicePaid()).isFalse();
        assertThat(first.message()).contains("25000.00 RUB still due");
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);

        var second = pay(invoice, "25000.00");
        assertThat(second.invoicePaid()).isTrue();
        assertThatEngagement(instance).hasPassed(PAYMENT_RECEIVED).isWaitingAt(PREPARE_BRIEF);
        assertThat(deposits.paidSoFar(invoice(instance))).isEqualByComparingTo("75000.00");
    }

    @Test
    void paidByPaymentOrderThatAModeratorConfirms() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });

        submitPaymentOrder(instance, "75000");
        assertThatEngagement(instance).isWaitingAt(REVIEW_PAYMENT_ORDER).task().hasCandidateGroup("moderators");
        assertThat(tasks.getVariablesLocal(task(REVIEW_PAYMENT_ORDER, instance).getId()))
                .containsEntry("declaredAmount", "75000").containsKey("paymentOrderUrl");
        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED"));

        assertThatEngagement(instance).hasPassed(PAYMENT_ORDER_DECISION, PAYMENT_COLLECTED, CONFIRM_DEPOSIT).isWaitingAt(PREPARE_BRIEF);
        assertThat(deposits.payments(invoice(instance))).singleElement()
                .satisfies(p -> assertThat(p.getSource()).isEqualTo(Payment.Source.PAYMENT_ORDER));
        assertThat(promise(instance).getStatus()).isEqualTo(Promise.Status.KEPT);
    }

    @Test
    void whileAModeratorChecksAPaymentOrderTheRemindersWait() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        submitPaymentOrder(instance, "75000");
        assertThatEngagement(instance).hasPassed(PAYMENT_ORDER_SUBMITTED).isWaitingAt(REVIEW_PAYMENT_ORDER);
        assertThat(journeys.ladder(instance)).as("the client has acted: no reminder, no breach while we check").isNull();

        // The moderator checks late, after the deadline would have passed: the client is not in breach for it.
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(20))));
        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED"));
        assertThatEngagement(instance).isWaitingAt(PREPARE_BRIEF).hasNotPassed(PAYMENT_DUE_AGAIN);
    }

    @Test
    void aRejectedOrPartialPaymentOrderGoesBackToTheClient() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        submitPaymentOrder(instance, "75000");
        String reviewId = task(REVIEW_PAYMENT_ORDER, instance).getId();
        assertThatThrownBy(() -> tasks.complete(reviewId, Map.of("paymentOrderDecision", "REJECTED")))
                .hasMessageContaining("paymentOrderRejectionReason");

        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "REJECTED",
                "paymentOrderRejectionReason", "No such transfer on the account"));
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);
        assertThat(journeys.templatesSentFor(instance)).contains("deposit.order.rejected");

        submitPaymentOrder(instance, "75000");
        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED", "confirmedAmount", "40000"));
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);
        assertThat(journeys.templatesSentFor(instance)).contains("deposit.order.partial");

        submitPaymentOrder(instance, "35000");
        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED"));
        assertThatEngagement(instance).isWaitingAt(PREPARE_BRIEF);
    }

    @Test
    void aPaymentOrderThatIsNotADocumentIsRefusedAndNothingIsStored() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        String taskId = task(PAY_DEPOSIT, instance).getId();
        var fake = Variables.fileValue("order.pdf").file("MZ this is an executable".getBytes()).create();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("paymentOrder", fake, "paidAmount", "75000")))
                .hasMessageContaining("only PDF, JPEG or PNG");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("paidAmount", "75000")))
                .hasMessageContaining("paymentOrder");
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);
        assertThat(deposits.paymentOrders(invoice(instance))).isEmpty();
    }

    @Test
    void aClientWhoPaidWhileBlockedGoesStraightToTheBriefWhenTheBlockIsLifted() {
        // Seed 000: the blocked client who "paid". The payment comes while the process waits for the block, not for
        // the money: it is stored, and once the block is lifted the process finds the deposit paid.
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        journeys.escalateToBreach(instance);
        assertThatEngagement(journeys.awaitedObligation(instance)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);

        var late = pay(invoice(instance), "75000.00");
        assertThat(late.outcome()).isEqualTo(PaymentService.Outcome.RECORDED);
        assertThatEngagement(journeys.awaitedObligation(instance)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThat(instance).isNotWaitingAt(PAYMENT_RECEIVED);

        var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT", "decisionNotes", "The payment order checks out"));

        assertThatEngagement(instance).hasPassed(RENEW_PAYMENT_DUE_DATE, PAID_ALREADY, PAID_MERGE, CONFIRM_DEPOSIT)
                .isWaitingAt(PREPARE_BRIEF);
        assertThat(promise(instance).getStatus()).as("paid, but after its date").isEqualTo(Promise.Status.BROKEN);
        assertThat(promise(instance).getFulfilledAt()).isNotNull();
    }

    @Test
    void silenceEscalatesStepByStepAndTheDeadlineIsABreach() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });

        assertThat(journeys.escalateToBreach(instance)).containsExactly(ReminderLadderProcess.Elements.FRIENDLY_TIMER,
                ReminderLadderProcess.Elements.DUE_DATE_TIMER, ReminderLadderProcess.Elements.CONCERN_TIMER,
                ReminderLadderProcess.Elements.WARNING_TIMER, ReminderLadderProcess.Elements.DEADLINE_TIMER);

        assertThat(Duration.between(start, journeys.now()).toDays()).isEqualTo(14);
        assertThatEngagement(journeys.awaitedObligation(instance)).hasPassed(AwaitObligationProcess.Elements.DEADLINE_PASSED, AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE)
                .isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThatEngagement(instance).hasPassed(PAY_TASK_WITHDRAWN).isWaitingAt(PAYMENT_OBLIGATION);
        assertThat(promise(instance).getStatus()).isEqualTo(Promise.Status.BROKEN);
        assertThat(journeys.engagement(instance).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(journeys.templatesSentFor(instance)).containsSubsequence("deposit.invoice", "reminder.friendly",
                "reminder.concern", "reminder.warning", "block.notice");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("client-block")
                .variableValueEquals("clientUserId", journeys.email).count()).isOne();
    }

    @Test
    void afterALiftedBlockTheOverdueDepositGetsANewDateAndCanBePaid() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        journeys.escalateToBreach(instance);
        ClockUtil.setCurrentTime(Date.from(journeys.now().plus(Duration.ofDays(3))));

        var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT"));

        assertThatEngagement(instance).hasPassed(PAYMENT_DUE_AGAIN, RENEW_PAYMENT_DUE_DATE).isWaitingAt(PAY_DEPOSIT);
        assertThat(invoice(instance).getDueAt()).isEqualTo(journeys.now().plus(Duration.ofDays(7)));
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(instance, com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.DUE_AT.name()))
                .isEqualTo(Date.from(journeys.now().plus(Duration.ofDays(7))));
        assertThat(journeys.engagement(instance).getStatus()).isEqualTo(EngagementStatus.ACTIVE);

        pay(invoice(instance), "75000.00");
        assertThatEngagement(instance).isWaitingAt(PREPARE_BRIEF);
    }

    @Test
    void aDepositPaidWhileTheEngagementIsPausedIsDeliveredWhenItResumes() {
        ProcessInstance breaching = journeys.awaitingDeposit(body -> { });
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(1))));
        ProcessInstance paused = journeys.anotherEngagementAwaitingDeposit();
        Instant pausedDue = invoice(paused).getDueAt();
        journeys.escalateToBreach(breaching);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(paused.getId()).singleResult().isSuspended()).isTrue();

        // The money arrives while the engagement is paused: stored, not delivered to a suspended process.
        assertThat(pay(invoice(paused), "54000.00").invoicePaid()).isTrue();
        assertThatEngagement(paused).isWaitingAt(PAY_DEPOSIT);

        ClockUtil.setCurrentTime(Date.from(journeys.now().plus(Duration.ofDays(2))));
        var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT"));

        assertThatEngagement(paused).hasPassed(PAYMENT_RECEIVED, CONFIRM_DEPOSIT).isWaitingAt(PREPARE_BRIEF);
        assertThat(invoice(paused).getDueAt()).as("a paid invoice keeps its date").isEqualTo(pausedDue);
        assertThatEngagement(breaching).isWaitingAt(PAY_DEPOSIT);
    }

    @Test
    void aPaymentWhoseMessageWasLostIsDeliveredByTheSweep() {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        Invoice invoice = invoice(instance);
        // Recorded without the after-commit delivery, as when that delivery failed (a concurrent job, a restart).
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(status ->
                deposits.recordPayment(context.getBean(Invoices.class).lockById(invoice.getId()).orElseThrow(),
                        Payment.Source.PROVIDER, "pay-" + UUID.randomUUID(), invoice.getAmount(), invoice.getCurrency(),
                        journeys.now(), "{}"));
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);

        context.getBean(PaymentCorrelation.class).sweep();

        assertThatEngagement(instance).hasPassed(PAYMENT_RECEIVED).isWaitingAt(PREPARE_BRIEF);
    }

    private void submitPaymentOrder(ProcessInstance instance, String amount) {
        complete(task(PAY_DEPOSIT, instance), withVariables("paymentOrder",
                Variables.fileValue("payment-order.pdf").file(Journeys.PDF).create(), "paidAmount", amount));
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(instance, "paymentOrder")).isNull();
    }

    private PaymentService.Result pay(Invoice invoice, String amount) {
        return payments.record(new PaymentService.ProviderPayment("pay-" + UUID.randomUUID(), invoice.getNumber(),
                new BigDecimal(amount), invoice.getCurrency(), journeys.now()), "{}");
    }

    private Invoice invoice(ProcessInstance instance) {
        return deposits.depositInvoice(journeys.engagement(instance).getId());
    }

    private Promise promise(ProcessInstance instance) {
        return promises.ofEngagement(journeys.engagement(instance).getId()).stream()
                .filter(p -> p.getKind() == Promise.Kind.DEPOSIT_PAYMENT).reduce((a, b) -> b).orElseThrow();
    }
}

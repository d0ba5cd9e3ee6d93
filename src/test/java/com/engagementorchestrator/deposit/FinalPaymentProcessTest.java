package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.delivery.DeliveryService;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.math.BigDecimal;
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

/** The final payment and the completion (processes/engagement.bpmn, DOMAIN.md step 7) with Camunda BPM Assert. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class FinalPaymentProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DepositService payments;
    @Autowired PaymentService provider;
    @Autowired DeliveryService deliveries;
    @Autowired PromiseLedger promises;

    Journeys journeys;
    ProcessInstance instance;
    long engagementId;

    @BeforeEach
    void theWorkIsDelivered() {
        journeys = new Journeys(context);
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
        instance = journeys.working(body -> { });
        engagementId = journeys.engagement(instance).getId();
        deliveries.declareDelivered(engagementId);
        assertThatEngagement(instance).hasPassed(WORK_DELIVERED, ISSUE_FINAL_INVOICE).isWaitingAt(PAY_FINAL_INVOICE, PAYMENT_OBLIGATION);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void paidInFullByTheProviderTheOriginalsAreReleasedAndTheEngagementCompletes() {
        Invoice invoice = payments.finalInvoice(engagementId).orElseThrow();
        assertThat(invoice.getAmount()).isEqualByComparingTo("175000.00");
        assertThat(deliveries.originalsReleased(engagementId)).isFalse();

        provider.record(new PaymentService.ProviderPayment("pay-" + UUID.randomUUID(), invoice.getNumber(), invoice.getAmount(),
                invoice.getCurrency(), null), "{}");

        assertThatEngagement(instance).hasPassed(PAYMENT_RECEIVED, COMPLETE_ENGAGEMENT).isEnded().hasPassed(ENGAGEMENT_COMPLETED);
        // Every phase, each a model of its own, in the one engagement.
        assertThatEngagement(instance).hasPassed(SCREENING, SIGNING_AUTHORITY, DEPOSIT, MATERIALS, WORK, FINAL_PAYMENT, CLOSURE)
                .hasNotPassed(SCREENING_DECLINED, SIGNING_AUTHORITY_FAILED);
        var engagement = journeys.engagement(instance.getBusinessKey());
        assertThat(engagement.getStatus()).isEqualTo(EngagementStatus.COMPLETED);
        assertThat(engagement.getSummary()).contains("final invoice " + invoice.getNumber()).contains("Promises:");
        assertThat(deliveries.originalsReleased(engagementId)).isTrue();
        assertThat(promises.ofEngagement(engagementId)).filteredOn(p -> p.getKind() == Promise.Kind.FINAL_PAYMENT)
                .singleElement().satisfies(p -> assertThat(p.getStatus()).isEqualTo(Promise.Status.KEPT));
    }

    @Test
    void paidByPaymentOrderThatAModeratorConfirms() {
        complete(task(PAY_FINAL_INVOICE, instance), withVariables("paymentOrder",
                Variables.fileValue("order.pdf").file(Journeys.PDF).create(), "paidAmount", "175000"));
        assertThatEngagement(instance).isWaitingAt(REVIEW_PAYMENT_ORDER);
        assertThat(tasks.getVariablesLocal(task(REVIEW_PAYMENT_ORDER, instance).getId()).get("invoiceNumber"))
                .isEqualTo(payments.finalInvoice(engagementId).orElseThrow().getNumber());

        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED", "confirmedAmount", "100000"));
        assertThatEngagement(instance).isWaitingAt(PAY_FINAL_INVOICE);
        complete(task(PAY_FINAL_INVOICE, instance), withVariables("paymentOrder",
                Variables.fileValue("order-2.pdf").file(Journeys.PDF).create(), "paidAmount", "75000"));
        complete(task(REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED"));

        assertThatEngagement(instance).isEnded().hasPassed(ENGAGEMENT_COMPLETED);
        assertThat(payments.paidSoFar(payments.finalInvoice(engagementId).orElseThrow())).isEqualByComparingTo(new BigDecimal("175000"));
    }

    @Test
    void paidWhileBlockedTheEngagementCompletesWhenTheBlockIsLifted() {
        journeys.escalateToBreach(instance);
        Invoice invoice = payments.finalInvoice(engagementId).orElseThrow();
        provider.record(new PaymentService.ProviderPayment("pay-" + UUID.randomUUID(), invoice.getNumber(), invoice.getAmount(),
                invoice.getCurrency(), null), "{}");
        assertThatEngagement(journeys.awaitedObligation(instance)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);

        var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT", "decisionNotes", "The payment order checks out"));

        assertThatEngagement(instance).hasPassed(RENEW_PAYMENT_DUE_DATE, PAID_ALREADY, COMPLETE_ENGAGEMENT).isEnded();
    }

    @Test
    void anUnpaidFinalInvoiceFirstAsksWhetherThePaymentFailedThenEndsInABreach() {
        journeys.escalateToBreach(instance);

        assertThatEngagement(journeys.awaitedObligation(instance)).hasPassed(AwaitObligationProcess.Elements.DEADLINE_PASSED, AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE)
                .isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThatEngagement(instance).hasPassed(PAY_TASK_WITHDRAWN).isWaitingAt(PAYMENT_OBLIGATION);
        assertThat(journeys.templatesSentFor(instance)).containsSubsequence("final.invoice", "reminder.friendly.FINAL_PAYMENT",
                "reminder.concern", "reminder.warning", "block.notice");
        assertThat(deliveries.originalsReleased(engagementId)).isFalse();

        var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT"));
        assertThatEngagement(instance).hasPassed(PAYMENT_DUE_AGAIN, RENEW_PAYMENT_DUE_DATE).isWaitingAt(PAY_FINAL_INVOICE);
    }
}

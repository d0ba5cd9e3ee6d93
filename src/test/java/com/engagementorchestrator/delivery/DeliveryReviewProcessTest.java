package com.engagementorchestrator.delivery;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.delivery.DeliveryProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.support.EngagementAssert;
import static com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAY_INVOICE;
import static com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAY_TASK_WITHDRAWN;
import static com.engagementorchestrator.deposit.CollectPaymentProcess.Elements.PAYMENT_RECEIVED;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.protocol.ProtocolAgreement;
import com.engagementorchestrator.protocol.ProtocolContent;
import com.engagementorchestrator.protocol.ProtocolWorkflow;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/** Every path of processes/delivery-review.bpmn with Camunda BPM Assert; timers on the engine clock. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class DeliveryReviewProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired DeliveryService deliveries;
    @Autowired DepositService payments;
    @Autowired PaymentService provider;
    @Autowired ProtocolWorkflow protocols;

    Journeys journeys;
    long engagementId;
    String number;
    Deliverable result;
    ProcessInstance review;

    @BeforeEach
    void aResultIsUploaded() {
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
        journeys = new Journeys(context);
        var engagement = journeys.working(body -> { });
        engagementId = journeys.engagement(engagement).getId();
        number = engagement.getBusinessKey();
        result = deliveries.upload(engagementId, "Home page design", "home.pdf", Journeys.PDF, "freelancer", null);
        review = journeys.instanceOfKey(DeliveryProcess.KEY, number + "/" + result.getId());
        assertThatEngagement(review).isWaitingAt(REVIEW_DELIVERY);
        assertThat(task(REVIEW_DELIVERY).getAssignee()).isEqualTo(journeys.email);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theClientAcceptsTheResult() {
        complete(task(REVIEW_DELIVERY), Map.of("deliveryDecision", "ACCEPT"));
        assertThatEngagement(review).hasPassed(ACCEPT_DELIVERY).isEnded().hasPassed(ACCEPTED);
        assertThat(deliveries.byId(result.getId()).getStatus()).isEqualTo(Deliverable.Status.ACCEPTED);
    }

    @Test
    void silenceIsAcceptanceAfterAReminder() {
        Job reminder = timers().get(0);
        ClockUtil.setCurrentTime(Date.from(reminder.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(reminder.getId());
        assertThatEngagement(review).hasPassed(SEND_REMINDER).isWaitingAt(REVIEW_DELIVERY);

        Job silence = timers().get(0);
        ClockUtil.setCurrentTime(Date.from(silence.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(silence.getId());

        assertThatEngagement(review).hasPassed(SILENCE_TIMER, AUTO_ACCEPT).isEnded().hasPassed(AUTO_ACCEPTED);
        assertThat(deliveries.byId(result.getId()).getStatus()).isEqualTo(Deliverable.Status.AUTO_ACCEPTED);
        assertThat(journeys.templatesSentFor(number)).contains("delivery.ready", "delivery.reminder", "delivery.accepted.silence");
    }

    @Test
    void changesWithinTheAgreedScopeAreReworkedAndReviewedAgain() {
        String reviewTask = task(REVIEW_DELIVERY).getId();
        assertThatThrownBy(() -> tasks.complete(reviewTask, Map.of("deliveryDecision", "CHANGES"))).hasMessageContaining("changeRequest");
        complete(task(REVIEW_DELIVERY), Map.of("deliveryDecision", "CHANGES", "changeRequest", "A bigger logo"));
        complete(task(ASSESS_CHANGE_REQUEST), Map.of("changeAssessment", "IN_SCOPE"));
        assertThatEngagement(review).isWaitingAt(REWORK);

        String rework = task(REWORK).getId();
        assertThatThrownBy(() -> tasks.complete(rework)).hasMessageContaining("upload the new version first");
        Deliverable second = deliveries.upload(engagementId, null, "home-v2.pdf", Journeys.PDF, "freelancer", result.getId());
        complete(task(REWORK), Map.of());

        assertThatEngagement(review).isWaitingAt(REVIEW_DELIVERY);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(runtime.getVariable(review.getId(), DeliveryProcess.DELIVERABLE_ID.name())).isEqualTo(second.getId());
        complete(task(REVIEW_DELIVERY), Map.of("deliveryDecision", "ACCEPT"));
        assertThatEngagement(review).isEnded();
        assertThat(deliveries.byId(result.getId()).getStatus()).isEqualTo(Deliverable.Status.REPLACED);
        assertThat(deliveries.byId(second.getId()).getStatus()).isEqualTo(Deliverable.Status.ACCEPTED);
    }

    @Test
    void aChangeBeyondTheSignedScopeNeedsASignedProtocolAndAPaidInvoiceBeforeWorkStarts() {
        complete(task(REVIEW_DELIVERY), Map.of("deliveryDecision", "CHANGES", "changeRequest", "Add an online shop"));
        complete(task(ASSESS_CHANGE_REQUEST), Map.of("changeAssessment", "CHANGE_ORDER",
                "assessmentNote", "The signed protocol covers a catalogue, not a shop"));
        assertThatEngagement(review).hasPassed(REQUIRE_CHANGE_ORDER).isWaitingAt(RECORD_CHANGE_ORDER);
        assertThat(journeys.templatesSentFor(number)).contains("delivery.changeorder");

        var protocol = protocols.open(engagementId, new ProtocolContent(LocalDate.now().minusDays(1), List.of("Olga", "Maria"),
                List.of("Add an online shop as a change order"), List.of(new ProtocolContent.Agreement(ProtocolAgreement.Party.CLIENT,
                "Pay the change order invoice", LocalDate.now().plusDays(7))), List.of()), "moderator");
        String record = task(RECORD_CHANGE_ORDER).getId();
        assertThatThrownBy(() -> tasks.complete(record, Map.of("changeOrderProtocol", protocol.getNumber(), "extraCost", "60000")))
                .hasMessageContaining("not signed by both sides yet");
        var signing = journeys.instanceOfKey(com.engagementorchestrator.protocol.ProtocolProcess.KEY, protocol.getNumber());
        for (String key : List.of("SignAsClientTask", "SignAsFreelancerTask")) {
            tasks.complete(tasks.createTaskQuery().processInstanceId(signing.getId()).taskDefinitionKey(key).singleResult().getId(),
                    Map.of("protocolDecision", "SIGN"));
        }
        complete(task(RECORD_CHANGE_ORDER), Map.of("changeOrderProtocol", protocol.getNumber(), "extraCost", "60000"));

        // The change order's invoice is collected by collect-payment, as the deposit and the final invoice are: the
        // client's pay task, named by its invoice; the rework waits until it is paid.
        Invoice invoice = payments.invoices(engagementId).stream().filter(i -> i.getKind() == Invoice.Kind.CHANGE_ORDER).findFirst().orElseThrow();
        assertThat(invoice.getAmount()).isEqualByComparingTo("60000");
        assertThatEngagement(review).hasPassed(CHANGE_ORDER_COST).isWaitingAt(COLLECT_CHANGE_ORDER_PAYMENT, PAY_INVOICE)
                .isNotWaitingAt(REWORK);
        Task pay = EngagementAssert.task(PAY_INVOICE, review);
        assertThat(pay.getAssignee()).isEqualTo(journeys.email);
        assertThat(tasks.getVariablesLocal(pay.getId())).containsEntry("invoiceKind", "CHANGE_ORDER")
                .containsEntry("invoiceNumber", invoice.getNumber());
        assertThat(journeys.templatesSentFor(number)).contains("changeorder.invoice");

        provider.record(new PaymentService.ProviderPayment("pay-" + invoice.getNumber(), invoice.getNumber(), invoice.getAmount(),
                invoice.getCurrency(), null), "{}");
        assertThatEngagement(review).hasPassed(COLLECT_CHANGE_ORDER_PAYMENT, PAYMENT_RECEIVED).isWaitingAt(REWORK);

        deliveries.upload(engagementId, null, "shop.pdf", Journeys.PDF, "freelancer", result.getId());
        complete(task(REWORK), Map.of());
        assertThatEngagement(review).isWaitingAt(REVIEW_DELIVERY);
    }

    @Test
    void aChangeOrderThatCostsNothingMoreGoesStraightToTheRework() {
        complete(task(REVIEW_DELIVERY), Map.of("deliveryDecision", "CHANGES", "changeRequest", "Swap the two photos"));
        complete(task(ASSESS_CHANGE_REQUEST), Map.of("changeAssessment", "CHANGE_ORDER", "assessmentNote", "Not in the protocol"));
        var protocol = signedProtocol("Swap the photos at no extra cost");
        complete(task(RECORD_CHANGE_ORDER), Map.of("changeOrderProtocol", protocol.getNumber()));

        assertThatEngagement(review).hasPassed(CHANGE_ORDER_COST).hasNotPassed(COLLECT_CHANGE_ORDER_PAYMENT).isWaitingAt(REWORK);
        assertThat(payments.invoices(engagementId)).noneMatch(i -> i.getKind() == Invoice.Kind.CHANGE_ORDER);
    }

    @Test
    void anUnpaidChangeOrderIsRemindedOfAndEndsInABreachLikeAnyPayment() {
        complete(task(REVIEW_DELIVERY), Map.of("deliveryDecision", "CHANGES", "changeRequest", "Add an online shop"));
        complete(task(ASSESS_CHANGE_REQUEST), Map.of("changeAssessment", "CHANGE_ORDER", "assessmentNote", "Beyond the protocol"));
        var protocol = signedProtocol("Add an online shop as a change order");
        complete(task(RECORD_CHANGE_ORDER), Map.of("changeOrderProtocol", protocol.getNumber(), "extraCost", "60000"));

        journeys.escalateToBreach(review);
        assertThatEngagement(journeys.awaitedObligation(review)).hasPassed(AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE)
                .isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThat(journeys.templatesSentFor(number)).containsSubsequence("changeorder.invoice",
                "reminder.friendly.CHANGE_ORDER_PAYMENT", "reminder.concern", "reminder.warning", "block.notice");
        assertThat(journeys.awaitedObligation(review).getBusinessKey()).isEqualTo(number);
        assertThatEngagement(review).hasPassed(PAY_TASK_WITHDRAWN).isNotWaitingAt(REWORK);
    }

    private com.engagementorchestrator.protocol.Protocol signedProtocol(String agreement) {
        var protocol = protocols.open(engagementId, new ProtocolContent(LocalDate.now().minusDays(1), List.of("Olga", "Maria"),
                List.of(agreement), List.of(new ProtocolContent.Agreement(ProtocolAgreement.Party.CLIENT,
                "Pay the change order invoice", LocalDate.now().plusDays(7))), List.of()), "moderator");
        var signing = journeys.instanceOfKey(com.engagementorchestrator.protocol.ProtocolProcess.KEY, protocol.getNumber());
        for (String key : List.of("SignAsClientTask", "SignAsFreelancerTask")) {
            tasks.complete(tasks.createTaskQuery().processInstanceId(signing.getId()).taskDefinitionKey(key).singleResult().getId(),
                    Map.of("protocolDecision", "SIGN"));
        }
        return protocol;
    }

    private Task task(String key) {
        return tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<Job> timers() {
        return management.createJobQuery().processInstanceId(review.getId()).timers().orderByJobDuedate().asc().list();
    }

    private void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), new HashMap<>(variables));
    }
}

package com.engagementorchestrator.materials;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.engagement.EngagementPhase;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Every path of the materials (processes/engagement.bpmn, DOMAIN.md step 5) on the real engine. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class MaterialsProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DepositService deposits;
    @Autowired PaymentService payments;
    @Autowired MaterialsService materials;
    @Autowired PromiseLedger promises;

    Journeys journeys;
    LocalDate today;

    @BeforeEach
    void setUp() {
        journeys = new Journeys(context);
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
        today = Time.today();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theModeratorEditsTheDefaultBriefAndEveryItemBecomesAPromise() {
        ProcessInstance instance = briefToPrepare(body -> body.put("kindOfWork", "WEBSITE"));
        String draft = (String) tasks.getVariable(task(PREPARE_BRIEF, instance).getId(), "briefItems");
        assertThat(draft.lines()).hasSize(5).first().asString().startsWith("ANSWER | Who the site is for");

        String taskId = task(PREPARE_BRIEF, instance).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("briefItems", "PHOTO | Logo | 2020-01-01\nFILE | | " + today.plusDays(3))))
                .hasMessageContaining("line 1: the kind must be FILE or ANSWER").hasMessageContaining("line 2: the title");
        assertThatEngagement(instance).isWaitingAt(PREPARE_BRIEF);

        sendBrief(instance);

        assertThatEngagement(instance).hasPassed(SEND_BRIEF).isWaitingAt(PROVIDE_MATERIALS).task().isAssignedTo(journeys.email);
        assertThat(journeys.ladder(instance)).isNotNull();
        assertThat(promises.ofEngagement(id(instance))).filteredOn(p -> p.getKind() == Promise.Kind.BRIEF_ITEM).hasSize(2)
                .allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(Promise.Status.OPEN));
        assertThat(journeys.templatesSentFor(instance)).contains("materials.brief");
    }

    @Test
    void materialsCompleteTheFirstTimeStartTheWork() {
        ProcessInstance instance = briefToPrepare(body -> { });
        sendBrief(instance);
        List<BriefItem> items = materials.items(id(instance));

        send(instance, Map.of(answer(items.get(0)), "Small businesses ordering online", file(items.get(1)), pdf()));

        assertThatEngagement(instance).hasPassed(MATERIALS_TO_REVIEW).isWaitingAt(REVIEW_MATERIALS);
        assertThat(tasks.getVariablesLocal(task(REVIEW_MATERIALS, instance).getId())).containsKey("submittedItemOptions")
                .extractingByKey("materialsSummary").asString().contains("Small businesses", "brand.pdf", "/materials/");
        complete(task(REVIEW_MATERIALS, instance), withVariables("missingItems", List.of()));

        assertThatEngagement(instance).hasPassed(COMPLETE_MATERIALS).isWaitingAt(WORK_DELIVERED);
        assertThat(journeys.engagement(instance).getPhase()).isEqualTo(EngagementPhase.WORK);
        assertThat(materials.brief(id(instance)).orElseThrow().getRounds()).isEqualTo(1);
        assertThat(promises.ofEngagement(id(instance))).filteredOn(p -> p.getKind() == Promise.Kind.BRIEF_ITEM)
                .allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(Promise.Status.KEPT));
    }

    @Test
    void missingItemsGoBackToTheClientAndTheRoundsAreCounted() {
        ProcessInstance instance = briefToPrepare(body -> { });
        sendBrief(instance);
        List<BriefItem> items = materials.items(id(instance));
        send(instance, Map.of(answer(items.get(0)), "Everyone", file(items.get(1)), pdf()));

        String reviewId = task(REVIEW_MATERIALS, instance).getId();
        assertThatThrownBy(() -> tasks.complete(reviewId, Map.of("missingItems", List.of(String.valueOf(items.get(1).getId())))))
                .hasMessageContaining("reviewNotes");
        complete(task(REVIEW_MATERIALS, instance), withVariables("missingItems",
                Variables.objectValue(List.of(String.valueOf(items.get(1).getId()))).serializationDataFormat("application/json").create(),
                "reviewNotes", "The PDF is empty; please send the brand book itself"));

        assertThatEngagement(instance).hasPassed(MATERIALS_COMPLETE, REQUEST_MISSING_MATERIALS).isWaitingAt(PROVIDE_MATERIALS);
        assertThat(materials.awaited(id(instance))).extracting(BriefItem::getId).containsExactly(items.get(1).getId());
        assertThat(journeys.templatesSentFor(instance)).contains("materials.missing");

        send(instance, Map.of(file(items.get(1)), pdf()));
        complete(task(REVIEW_MATERIALS, instance), withVariables("missingItems", ""));

        assertThatEngagement(instance).hasPassed(COMPLETE_MATERIALS).isWaitingAt(WORK_DELIVERED);
        assertThat(materials.brief(id(instance)).orElseThrow().getRounds()).isEqualTo(2);
    }

    @Test
    void anExtensionKeptByItsNewDateCountsAsKept() {
        ProcessInstance instance = briefToPrepare(body -> { });
        sendBrief(instance);
        List<BriefItem> items = materials.items(id(instance));
        LocalDate later = today.plusDays(10);

        send(instance, Map.of(answer(items.get(0)), "Everyone", extend(items.get(1)), later.toString()));
        complete(task(REVIEW_MATERIALS, instance), withVariables("missingItems", List.of()));
        assertThatEngagement(instance).hasPassed(REQUEST_MISSING_MATERIALS).isWaitingAt(PROVIDE_MATERIALS);

        String taskId = task(PROVIDE_MATERIALS, instance).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(extend(items.get(1)), later.plusDays(3).toString())))
                .hasMessageContaining("was already asked once");

        ClockUtil.setCurrentTime(Date.from(journeys.now().plus(java.time.Duration.ofDays(8))));
        send(instance, Map.of(file(items.get(1)), pdf()));
        complete(task(REVIEW_MATERIALS, instance), withVariables("missingItems", List.of()));

        assertThatEngagement(instance).isWaitingAt(WORK_DELIVERED);
        var itemPromises = promises.ofEngagement(id(instance)).stream().filter(p -> p.getSubject().equals("item-" + items.get(1).getId())).toList();
        assertThat(itemPromises).extracting(Promise::getKind, Promise::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Promise.Kind.BRIEF_ITEM, Promise.Status.RENEGOTIATED),
                org.assertj.core.groups.Tuple.tuple(Promise.Kind.EXTENSION, Promise.Status.KEPT));
    }

    @Test
    void onlyAskingForMoreTimeNeedsNoReviewAndABrokenExtensionEndsInABreach() {
        ProcessInstance instance = briefToPrepare(body -> { });
        sendBrief(instance);
        List<BriefItem> items = materials.items(id(instance));
        LocalDate answerDue = items.get(0).getDueDate();

        send(instance, Map.of(extend(items.get(0)), answerDue.plusDays(2).toString()));
        assertThatEngagement(instance).hasPassed(MATERIALS_TO_REVIEW).hasNotPassed(REVIEW_MATERIALS).isWaitingAt(PROVIDE_MATERIALS);

        journeys.escalateToBreach(instance);

        assertThatEngagement(journeys.awaitedObligation(instance)).hasPassed(AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThatEngagement(instance).hasPassed(MATERIALS_TASK_WITHDRAWN).isWaitingAt(MATERIALS_OBLIGATION);
        assertThat(journeys.engagement(instance).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(promises.ofEngagement(id(instance))).filteredOn(p -> p.getKind() == Promise.Kind.EXTENSION)
                .singleElement().satisfies(p -> assertThat(p.getStatus()).isEqualTo(Promise.Status.BROKEN));

        var review = tasks.createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", journeys.email).singleResult();
        tasks.complete(review.getId(), Map.of("blockDecision", "LIFT"));
        assertThatEngagement(instance).hasPassed(MATERIALS_DUE_AGAIN, RENEW_MATERIALS_DUE_DATES).isWaitingAt(PROVIDE_MATERIALS);
        assertThat(materials.awaited(id(instance))).allSatisfy(i -> assertThat(i.dueAt()).isAfter(journeys.now()));
    }

    @Test
    void aFileThatIsAnExecutableOrAnEmptySubmissionIsRefused() {
        ProcessInstance instance = briefToPrepare(body -> { });
        sendBrief(instance);
        List<BriefItem> items = materials.items(id(instance));
        String taskId = task(PROVIDE_MATERIALS, instance).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(file(items.get(1)),
                Variables.fileValue("setup.pdf").file(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}).create())))
                .hasMessageContaining("file_" + items.get(1).getId());
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of()))
                .hasMessageContaining("send at least one item");
        assertThatEngagement(instance).isWaitingAt(PROVIDE_MATERIALS);
        assertThat(materials.submissionsOf(items.stream().map(BriefItem::getId).toList())).isEmpty();
    }

    /** Clients work with engine authorization on, as in Tasklist: their own task must complete, process and all. */
    @Test
    void theClientCompletesTheirTaskUnderTheirOwnAuthorizations() {
        ProcessInstance instance = briefToPrepare(body -> { });
        sendBrief(instance);
        List<BriefItem> items = materials.items(id(instance));
        var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
        String provide = task(PROVIDE_MATERIALS, instance).getId();
        identity.setAuthentication(journeys.email, List.of("clients"));
        try {
            tasks.complete(provide, Map.of(answer(items.get(0)), "Everyone", file(items.get(1)), pdf()));
        } finally {
            identity.clearAuthentication();
        }
        assertThatEngagement(instance).isWaitingAt(REVIEW_MATERIALS);
    }

    private ProcessInstance briefToPrepare(java.util.function.Consumer<Map<String, Object>> change) {
        ProcessInstance instance = journeys.awaitingDeposit(change);
        var invoice = deposits.depositInvoice(id(instance));
        payments.record(new PaymentService.ProviderPayment("pay-" + java.util.UUID.randomUUID(), invoice.getNumber(),
                invoice.getAmount(), invoice.getCurrency(), journeys.now()), "{}");
        assertThatEngagement(instance).isWaitingAt(PREPARE_BRIEF).task().hasCandidateGroup("moderators");
        return instance;
    }

    private void sendBrief(ProcessInstance instance) {
        complete(task(PREPARE_BRIEF, instance), withVariables("briefItems",
                "ANSWER | Who are your customers | " + today.plusDays(3) + "\nFILE | Brand book | " + today.plusDays(5)));
    }

    private void send(ProcessInstance instance, Map<String, Object> variables) {
        complete(task(PROVIDE_MATERIALS, instance), new HashMap<>(variables));
    }

    private long id(ProcessInstance instance) {
        return journeys.engagement(instance).getId();
    }

    private static String answer(BriefItem item) {
        return "answer_" + item.getId();
    }

    private static String file(BriefItem item) {
        return "file_" + item.getId();
    }

    private static String extend(BriefItem item) {
        return "extend_" + item.getId();
    }

    private static Object pdf() {
        return Variables.fileValue("brand.pdf").file(Journeys.PDF).create();
    }
}

package com.engagementorchestrator.support;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.registration.RegistrationRequest;
import com.engagementorchestrator.registration.RegistrationService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationContext;

/** Drives engagements through the real process to the step a test starts from; the engine clock is the test's. */
public final class Journeys {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final RegistrationService registrations;
    private final Engagements engagements;
    private final CorrespondenceLog correspondence;
    private final ObjectMapper json;
    private final ApplicationContext context;

    public String inn = Intakes.randomInn();
    public String email;

    public Journeys(ApplicationContext context) {
        this.engine = context.getBean(ProcessEngine.class);
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.registrations = context.getBean(RegistrationService.class);
        this.engagements = context.getBean(Engagements.class);
        this.correspondence = context.getBean(CorrespondenceLog.class);
        this.json = context.getBean(ObjectMapper.class);
        this.context = context;
        BpmnAwareTests.init(engine);
        RegistryStubs.reset();
    }

    public ProcessInstance register(Consumer<Map<String, Object>> change) {
        email = Intakes.uniqueEmail("journey");
        Map<String, Object> body = Intakes.clean(email);
        body.put("registrationNumber", inn);
        change.accept(body);
        Engagement engagement = registrations.register(json.convertValue(body, RegistrationRequest.class));
        ProcessInstance instance = instanceOf(engagement.getNumber());
        screenIntake(management, instance.getId());
        return instance;
    }

    /**
     * The job executor's first part after a registration: screening the intake is a job of its own (the registration
     * only stores), which leaves the engagement at the company check.
     */
    public static void screenIntake(ManagementService management, String processInstanceId) {
        Job intake = null;
        for (String id : EngagementAssert.runningInstanceIds(processInstanceId)) {
            intake = intake != null ? intake : management.createJobQuery().processInstanceId(id)
                    .activityId(EngagementProcess.Elements.SCREEN_INTAKE).singleResult();
        }
        assertThat(intake).as("the intake screening job").isNotNull();
        management.executeJob(intake.getId());
    }

    public ProcessInstance instanceOf(String engagementNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementNumber)
                .processDefinitionKey(EngagementProcess.KEY).singleResult();
    }

    public ProcessInstance instanceOfKey(String processKey, String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).processDefinitionKey(processKey)
                .singleResult();
    }

    /** A clean client, accepted after the intro call, waiting to prove signing authority. */
    public ProcessInstance accepted(Consumer<Map<String, Object>> change) {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(change);
        management.executeJob(EngagementAssert.job(instance).getId());
        acceptAfterIntroCall(instance);
        return instance;
    }

    /** The moderator holds the intro call every client the rules do not decline gets, observes nothing and accepts. */
    public void acceptAfterIntroCall(ProcessInstance instance) {
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.REVIEW_SCREENING);
        complete(task(EngagementProcess.Elements.REVIEW_SCREENING, instance), withVariables("reviewDecision", "ACCEPT"));
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
    }

    public void uploadAuthority(ProcessInstance instance, String name, byte[] content) {
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        complete(task(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY, instance),
                withVariables("authorityDocument", Variables.fileValue(name).file(content).create()));
        assertThat(EngagementAssert.variable(instance, "authorityDocument")).isNull();
    }

    /** Accepted, authority proven, the deposit invoice sent: waiting for payment. */
    public ProcessInstance awaitingDeposit(Consumer<Map<String, Object>> change) {
        ProcessInstance instance = accepted(change);
        uploadAuthority(instance, "order.pdf", PDF);
        complete(task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, instance), withVariables("authorityDecision", "ACCEPTED"));
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);
        return instance;
    }

    /** A further engagement of the last registered client, taken to the same point: waiting for its deposit. */
    public ProcessInstance anotherEngagementAwaitingDeposit() {
        var project = new com.engagementorchestrator.registration.ProjectDetails("EMAIL", "A landing page for a new product",
                "Leads", new java.math.BigDecimal("180000"), "RUB", java.time.LocalDate.now().plusMonths(4).toString(), 0, "",
                "SELF", "DESIGN");
        ProcessInstance instance = instanceOf(registrations.startEngagement(email, project).getNumber());
        screenIntake(management, instance.getId());
        management.executeJob(EngagementAssert.job(instance).getId());
        acceptAfterIntroCall(instance);
        uploadAuthority(instance, "order.pdf", PDF);
        complete(task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, instance), withVariables("authorityDecision", "ACCEPTED"));
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);
        return instance;
    }

    /** Deposit paid, a one-item brief answered and accepted: the work is under way. */
    public ProcessInstance working(Consumer<Map<String, Object>> change) {
        return startTheWork(awaitingDeposit(change));
    }

    /** From waiting for the deposit: paid, a one-item brief answered and accepted; the work is under way. */
    public ProcessInstance startTheWork(ProcessInstance instance) {
        var deposits = context.getBean(com.engagementorchestrator.deposit.DepositService.class);
        var invoice = deposits.depositInvoice(engagement(instance).getId());
        context.getBean(com.engagementorchestrator.deposit.PaymentService.class).record(
                new com.engagementorchestrator.deposit.PaymentService.ProviderPayment("pay-" + invoice.getNumber(), invoice.getNumber(),
                        invoice.getAmount(), invoice.getCurrency(), null), "{}");
        complete(task(EngagementProcess.Elements.PREPARE_BRIEF, instance), withVariables("briefItems",
                "ANSWER | Who are your customers | " + java.time.LocalDate.now().plusDays(3)));
        long itemId = context.getBean(com.engagementorchestrator.materials.MaterialsService.class).items(engagement(instance).getId())
                .get(0).getId();
        complete(task(EngagementProcess.Elements.PROVIDE_MATERIALS, instance), withVariables("answer_" + itemId, "Small shops"));
        complete(task(EngagementProcess.Elements.REVIEW_MATERIALS, instance), withVariables("missingItems", ""));
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.WORK_DELIVERED);
        return instance;
    }

    public Engagement engagement(ProcessInstance instance) {
        return engagements.findByNumber(instance.getBusinessKey()).orElseThrow();
    }

    public List<String> templatesSentFor(ProcessInstance instance) {
        return templatesSentFor(instance.getBusinessKey());
    }

    public List<String> templatesSentFor(String engagementNumber) {
        return correspondence.findByEngagementIdOrderByIdAsc(engagement(engagementNumber).getId()).stream()
                .map(c -> c.getTemplate()).toList();
    }

    public Engagement engagement(String engagementNumber) {
        return engagements.findByNumber(engagementNumber).orElseThrow();
    }

    /** The reminder ladder the engagement runs now (called by the await-obligation instance it called). */
    public ProcessInstance ladder(ProcessInstance instance) {
        return called(instance, com.engagementorchestrator.reminder.ReminderLadderProcess.KEY);
    }

    /** The await-obligation instance the engagement runs now: reminders, the missed deadline, the block. */
    public ProcessInstance awaitedObligation(ProcessInstance instance) {
        return called(instance, com.engagementorchestrator.breach.AwaitObligationProcess.KEY);
    }

    /** The running instance of the process with this key somewhere below the instance (the engine calls nest). */
    private ProcessInstance called(ProcessInstance instance, String key) {
        return EngagementAssert.called(instance, key);
    }

    /** Moves the engine clock to the ladder's next timer and fires it; answers the activity the timer belongs to. */
    public String fireNextLadderTimer(ProcessInstance instance) {
        ProcessInstance ladder = ladder(instance);
        assertThat(ladder).as("a running reminder ladder").isNotNull();
        Job timer = management.createJobQuery().processInstanceId(ladder.getId()).timers().singleResult();
        String activity = runtime.getActiveActivityIds(ladder.getId()).get(0);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());
        return activity;
    }

    /** Fires the ladder's timers until it has escalated to the deadline: the breach. */
    public List<String> escalateToBreach(ProcessInstance instance) {
        List<String> fired = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fired.add(fireNextLadderTimer(instance));
        }
        return fired;
    }

    /** The due date the running ladder counts from. */
    public Instant ladderDueAt(ProcessInstance instance) {
        return ((Date) runtime.getVariable(ladder(instance).getId(), "dueAt")).toInstant();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

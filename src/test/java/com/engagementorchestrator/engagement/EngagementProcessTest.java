package com.engagementorchestrator.engagement;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static com.engagementorchestrator.support.EngagementAssert.job;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.registration.RegistrationRequest;
import com.engagementorchestrator.registration.RegistrationService;
import com.engagementorchestrator.screening.ScreeningService;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.RegistryStubs;
import com.engagementorchestrator.support.TestInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/** Every path of processes/engagement.bpmn, on the real engine and database; timers move with the engine clock. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class EngagementProcessTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RegistrationService registrations;
    @Autowired Engagements engagements;
    @Autowired ScreeningService screening;
    @Autowired AuthorityService authority;
    @Autowired CorrespondenceLog correspondence;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.context.ApplicationContext context;

    /** Each test registers its own company, so no test sees another's history (marker M3). */
    String inn;
    String email;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        RegistryStubs.reset();
        inn = Intakes.randomInn();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void cleanClientGetsAnIntroCallThenProvesSigningAuthority() {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(body -> { });
        assertThatEngagement(instance).isWaitingAt(CHECK_COMPANY_REGISTRY);

        execute(job(instance));

        // The rules accept, yet the articles judge every client in the first conversation: a moderator calls first.
        assertThatEngagement(instance).hasPassed(SCORE_SCREENING).isWaitingAt(REVIEW_SCREENING).task().hasCandidateGroup("moderators");
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(instance, EngagementProcess.Variables.SCREENING_VERDICT.name())).isEqualTo("ACCEPT");
        assertThat(engagement(instance).getPhase()).isEqualTo(EngagementPhase.SCREENING_REVIEW);
        assertThat(screening.find(engagement(instance).getId()).orElseThrow().getVerdict()).isNull();
        String callId = task(instance).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(callId, Map.of("reviewDecision", "ACCEPT",
                "preferredContactChannel", "MESSENGER", "reportEveryDays", 0L)))
                .hasMessageContaining("reportEveryDays").hasMessageContaining("1 to 31");
        assertThatEngagement(instance).isWaitingAt(REVIEW_SCREENING);
        complete(task(instance), withVariables("reviewDecision", "ACCEPT", "callNotes", "Knows what they want",
                "preferredContactChannel", "MESSENGER", "reportEveryDays", 14L));
        // Seed 002: the preferred channel and the schedule of contact are agreed in the call and recorded.
        var agreement = context.getBean(com.engagementorchestrator.contact.ContactAgreements.class).find(engagement(instance).getId());
        assertThat(agreement.getPreferredChannel().name()).isEqualTo("MESSENGER");
        assertThat(agreement.getReportEveryDays()).isEqualTo(14);
        assertThat(agreement.getAgreedBy()).isNotBlank();

        assertThatEngagement(instance).hasPassed(REVIEW_DECISION, ACCEPT_MERGE, REQUEST_SIGNING_AUTHORITY)
                .isWaitingAt(PROVE_SIGNING_AUTHORITY).task().isAssignedTo(email);
        assertThat(engagement(instance).getPhase()).isEqualTo(EngagementPhase.SIGNING_AUTHORITY);
        assertThat(screening.find(engagement(instance).getId()).orElseThrow().getScore()).isZero();

        upload(instance, "order.pdf", PDF);
        assertThatEngagement(instance).isWaitingAt(VERIFY_SIGNING_AUTHORITY).task().hasCandidateGroup("moderators");
        complete(task(instance), withVariables("authorityDecision", "ACCEPTED"));

        assertThatEngagement(instance).hasPassed(CONFIRM_SIGNING_AUTHORITY, ISSUE_DEPOSIT_INVOICE).isWaitingAt(PAY_DEPOSIT);
        assertThat(engagement(instance).getPhase()).isEqualTo(EngagementPhase.DEPOSIT);
        assertThat(templatesSentFor(instance)).containsExactly("registration.received", "authority.requested",
                "authority.accepted", "deposit.invoice");
    }

    /**
     * A phase is handed the engagement's two ids and hands nothing back: what a later phase needs is in the domain
     * tables. Copying every variable into and out of each of the seven phases wrote the engagement's variables again
     * per phase (issue 13: 1,343 rows per engagement, 773 of them variables).
     */
    @Test
    void eachPhaseGetsTheEngagementsTwoIdsAndHandsNothingBack() {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(body -> { });
        execute(job(instance));
        complete(task(instance), withVariables("reviewDecision", "ACCEPT", "callNotes", "Knows what they want",
                "preferredContactChannel", "EMAIL", "reportEveryDays", 7L));
        assertThatEngagement(instance).isWaitingAt(PROVE_SIGNING_AUTHORITY);

        assertThat(runtime.getVariables(instance.getId()).keySet())
                .containsExactlyInAnyOrder("engagementId", "clientUserId");
        ProcessInstance phase = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("engagement-signing-authority").singleResult();
        assertThat(phase).isNotNull();
        assertThat(runtime.getVariables(phase.getId()))
                .containsEntry("engagementId", engagement(instance).getId())
                .containsEntry("clientUserId", email)
                .doesNotContainKeys("screeningVerdict", "reviewDecision", "callNotes", "reportEveryDays");
        // What the review agreed is kept where the work phase reads it.
        assertThat(context.getBean(com.engagementorchestrator.contact.ContactAgreements.class)
                .find(engagement(instance).getId()).getReportEveryDays()).isEqualTo(7);
    }

    @Test
    void borderlineClientIsReviewedAndAccepted() {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(body -> body.put("industry", "SEAFOOD"));
        execute(job(instance));
        assertThatEngagement(instance).isWaitingAt(REVIEW_SCREENING);
        assertThat(engagement(instance).getPhase()).isEqualTo(EngagementPhase.SCREENING_REVIEW);
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(instance, EngagementProcess.Variables.SCREENING_VERDICT.name())).isEqualTo("REVIEW");
        assertThat(engine.getTaskService().getVariablesLocal(task(instance).getId()))
                .containsKeys("intakeSummary", "markersSummary", "companySummary")
                .extractingByKey("markersSummary").asString().contains("M4");

        complete(task(instance), withVariables("reviewDecision", "ACCEPT", "callNotes", "Clear goals, named everyone"));

        assertThatEngagement(instance).hasPassed(REVIEW_DECISION, ACCEPT_MERGE).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        assertThat(screening.find(engagement(instance).getId()).orElseThrow().getVerdict().name()).isEqualTo("ACCEPT");
    }

    @Test
    void reviewWithObservationsDeclinesAndTheClientGetsAPoliteMessage() {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(body -> body.put("industry", "SEAFOOD"));
        execute(job(instance));

        complete(task(instance), withVariables("reviewDecision", "DECLINE", "observedPartnersSplit", true));

        assertThatEngagement(instance).hasPassed(REVIEW_DECISION, DECLINE_MERGE, DECLINE_ENGAGEMENT).isEnded()
                .hasPassed(ENGAGEMENT_DECLINED);
        Engagement engagement = engagement(instance);
        assertThat(engagement.getStatus()).isEqualTo(EngagementStatus.DECLINED);
        var s = screening.find(engagement.getId()).orElseThrow();
        assertThat(s.getMarkers()).extracting("id").contains("M4", "M8");
        assertThat(s.getScore()).isGreaterThanOrEqualTo(60);
        assertThat(s.getOverrideReason()).isNull();
        assertThat(templatesSentFor(instance)).contains("decline");
    }

    @Test
    void overridingTheRulesNeedsAWrittenReasonWhichIsKept() {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(body -> body.put("industry", "SEAFOOD"));
        execute(job(instance));
        String taskId = task(instance).getId();

        // With partners split the rules decline; accepting anyway without a reason is refused and the task stays.
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("reviewDecision", "ACCEPT",
                "observedPartnersSplit", true)))
                .hasMessageContaining("overrideReason").hasMessageContaining("needs a written reason");
        assertThatEngagement(instance).isWaitingAt(REVIEW_SCREENING);

        complete(task(instance), withVariables("reviewDecision", "ACCEPT", "observedPartnersSplit", true,
                "overrideReason", "Long-standing acquaintance of the founder; the new owner signs"));

        assertThatEngagement(instance).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        var s = screening.find(engagement(instance).getId()).orElseThrow();
        assertThat(s.getRuleVerdict().name()).isEqualTo("DECLINE");
        assertThat(s.getVerdict().name()).isEqualTo("ACCEPT");
        assertThat(s.getOverrideReason()).startsWith("Long-standing acquaintance");
        assertThat(s.getReviewedBy()).isNotBlank();
    }

    @Test
    void clearRedFlagsAreDeclinedByTheRules() {
        RegistryStubs.company(inn, "BANKRUPT", 2, 1);
        ProcessInstance instance = register(body -> { });
        execute(job(instance));

        assertThatEngagement(instance).hasPassed(SCORE_SCREENING, DECLINE_ENGAGEMENT).isEnded().hasPassed(ENGAGEMENT_DECLINED)
                .hasNotPassed(REVIEW_SCREENING);
        // The screening phase ends with its error: the engagement ends there and calls no further phase.
        assertThatEngagement(instance).hasPassed(SCREENING_DECLINED, DECLINED).hasNotPassed(SIGNING_AUTHORITY);
        var s = screening.find(engagement(instance).getId()).orElseThrow();
        assertThat(s.getMarkers()).extracting("id").containsExactly("M5");
        assertThat(s.getVerdict().name()).isEqualTo("DECLINE");
    }

    @Test
    void registryDownIsRetriedWithBackoffThenAModeratorChecksByHand() {
        RegistryStubs.down();
        ProcessInstance instance = register(body -> { });
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));

        int attempts = 0;
        while (currentJob(instance) != null && attempts < 10) {
            Job job = currentJob(instance);
            ClockUtil.setCurrentTime(Date.from(job.getDuedate() == null ? start : job.getDuedate().toInstant().plusSeconds(1)));
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the registry answered 503; the job's retries count down
            }
            attempts++;
        }

        assertThat(attempts).isEqualTo(4);
        assertThatEngagement(instance).hasPassed(COMPANY_REGISTRY_UNAVAILABLE).isWaitingAt(CHECK_COMPANY_MANUALLY)
                .task().hasCandidateGroup("moderators");
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(engagement(instance).getPhase()).isEqualTo(EngagementPhase.COMPANY_CHECK);
        assertThat(TestInfrastructure.registry().getAllServeEvents()).hasSize(4);

        // Markers known from the intake are visible while the company is still unchecked.
        assertThat(screening.find(engagement(instance).getId()).orElseThrow().isCompanyChecked()).isFalse();

        complete(task(instance), withVariables("companyStatus", "ACTIVE", "debtCases", 0L, "companyCheckNotes", "egrul.nalog.ru"));
        assertThatEngagement(instance).hasPassed(COMPANY_CHECKED, SCORE_SCREENING).isWaitingAt(REVIEW_SCREENING);
        assertThat(screening.find(engagement(instance).getId()).orElseThrow().getCompanyCheck().name()).isEqualTo("MANUAL");
    }

    @Test
    void manualCheckRejectsAMissingLegalState() {
        ProcessInstance instance = register(body -> body.put("country", "DE"));
        execute(job(instance));
        assertThatEngagement(instance).isWaitingAt(CHECK_COMPANY_MANUALLY);
        String taskId = task(instance).getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("debtCases", -1)))
                .hasMessageContaining("companyStatus").hasMessageContaining("debtCases");
        assertThatEngagement(instance).isWaitingAt(CHECK_COMPANY_MANUALLY);
    }

    @Test
    void documentRejectedThreeTimesClosesTheEngagement() {
        ProcessInstance instance = acceptedEngagement();
        for (int attempt = 1; attempt <= 3; attempt++) {
            upload(instance, "scan-" + attempt + ".png", PNG);
            complete(task(instance), withVariables("authorityDecision", "REJECTED", "authorityRejectionReason", "Signed by nobody"));
            if (attempt < 3) {
                assertThatEngagement(instance).hasPassed(ASK_FOR_NEW_AUTHORITY_DOCUMENT).isWaitingAt(PROVE_SIGNING_AUTHORITY);
            }
        }

        assertThatEngagement(instance).hasPassed(REFUSE_UNPROVEN_AUTHORITY).isEnded().hasPassed(SIGNING_AUTHORITY_NOT_PROVEN);
        assertThatEngagement(instance).hasPassed(SCREENING, SIGNING_AUTHORITY_FAILED, AUTHORITY_NOT_PROVEN).hasNotPassed(DEPOSIT);
        Engagement engagement = engagement(instance);
        assertThat(engagement.getStatus()).isEqualTo(EngagementStatus.DECLINED);
        assertThat(engagement.getCloseReason()).contains("M6");
        assertThat(authority.documents(engagement.getId())).hasSize(3)
                .allSatisfy(d -> assertThat(d.getRejectionReason()).isEqualTo("Signed by nobody"));
        assertThat(templatesSentFor(instance)).filteredOn("authority.rejected"::equals).hasSize(2);
        assertThat(templatesSentFor(instance)).contains("authority.refused");
    }

    @Test
    void rejectingWithoutAReasonIsRefused() {
        ProcessInstance instance = acceptedEngagement();
        upload(instance, "scan.pdf", PDF);
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("authorityDecision", "REJECTED")))
                .hasMessageContaining("authorityRejectionReason");
        assertThatEngagement(instance).isWaitingAt(VERIFY_SIGNING_AUTHORITY);
    }

    @Test
    void uploadThatIsNotReallyAPdfIsRefusedAndNothingIsStored() {
        ProcessInstance instance = acceptedEngagement();
        String taskId = task(instance).getId();
        var fake = Variables.fileValue("contract.pdf").file("MZ this is an executable".getBytes())
                .mimeType("application/pdf").create();

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("authorityDocument", fake)))
                .hasMessageContaining("only PDF, JPEG or PNG");
        assertThatEngagement(instance).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        assertThat(authority.documents(engagement(instance).getId())).isEmpty();
    }

    @Test
    void noUploadEscalatesOnTheReminderLadderAndEndsInABreach() {
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance instance = acceptedEngagement();
        assertThatEngagement(instance).isWaitingAt(AUTHORITY_OBLIGATION);
        var journeys = new com.engagementorchestrator.support.Journeys(context);

        assertThat(journeys.escalateToBreach(instance)).containsExactly("FriendlyReminderTimerEvent", "DueDateTimerEvent",
                "ConcernTimerEvent", "WarningTimerEvent", "DeadlineTimerEvent");

        // 5 days: friendly; 7: due; 8: concern; 10: warning; 14: deadline.
        assertThat(Duration.between(start, ClockUtil.getCurrentTime().toInstant()).toDays()).isEqualTo(14);
        assertThatEngagement(journeys.awaitedObligation(instance)).hasPassed(AwaitObligationProcess.Elements.DEADLINE_PASSED, AwaitObligationProcess.Elements.REPORT_MISSED_DEADLINE)
                .isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        assertThatEngagement(instance).hasPassed(AUTHORITY_TASK_WITHDRAWN).isWaitingAt(AUTHORITY_OBLIGATION);
        assertThat(engagement(instance).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(templatesSentFor(instance)).containsSubsequence("authority.requested", "reminder.friendly",
                "reminder.concern", "reminder.warning", "block.notice");
    }

    @Test
    void aBrokenPromiseCountsAgainstTheCompanyNextTime() {
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance first = acceptedEngagement();
        var journeys = new com.engagementorchestrator.support.Journeys(context);
        journeys.escalateToBreach(first);
        var review = engine.getTaskService().createTaskQuery().processDefinitionKey("client-block")
                .processVariableValueEquals("clientUserId", email).singleResult();
        engine.getTaskService().complete(review.getId(), Map.of("blockDecision", "LIFT", "decisionNotes", "Was on leave"));
        assertThatEngagement(first).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        ClockUtil.reset();

        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance second = register(body -> body.put("fullName", "A colleague from the same company"));
        execute(job(second));
        assertThatEngagement(second).isWaitingAt(REVIEW_SCREENING);
        assertThat(screening.find(engagement(second).getId()).orElseThrow().getMarkers()).extracting("id").contains("M3");
    }

    private ProcessInstance acceptedEngagement() {
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = register(body -> { });
        execute(job(instance));
        complete(task(REVIEW_SCREENING, instance), withVariables("reviewDecision", "ACCEPT"));
        assertThatEngagement(instance).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        return instance;
    }

    /** An analyst may let clear clients skip the call: intro-call answers false, the rules accept on their own. */
    @Test
    void whenTheIntroCallDecisionSaysNoTheRulesAcceptWithoutACall() throws Exception {
        String rules;
        try (var in = getClass().getResourceAsStream("/processes/screening-rules.dmn")) {
            rules = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String noCall = rules.replace("<outputEntry id=\"EveryClientGetsCallRuleOutput\"><text>true</text>",
                "<outputEntry id=\"EveryClientGetsCallRuleOutput\"><text>false</text>");
        assertThat(noCall).isNotEqualTo(rules);
        var deployment = engine.getRepositoryService().createDeployment().name("no intro call for clear clients")
                .addString("screening-rules.dmn", noCall).deploy();
        try {
            RegistryStubs.company(inn, "ACTIVE", 0, 0);
            ProcessInstance clear = register(body -> { });
            execute(job(clear));
            assertThatEngagement(clear).hasPassed(SCORE_SCREENING, ACCEPT_MERGE).hasNotPassed(REVIEW_SCREENING)
                    .isWaitingAt(PROVE_SIGNING_AUTHORITY);
            assertThat(screening.find(engagement(clear).getId()).orElseThrow().getVerdict().name()).isEqualTo("ACCEPT");

            inn = Intakes.randomInn();
            RegistryStubs.company(inn, "ACTIVE", 0, 0);
            ProcessInstance borderline = register(body -> body.put("firstContactChannel", "VOICE_MESSAGE"));
            execute(job(borderline));
            assertThatEngagement(borderline).as("a REVIEW verdict always gets the call").isWaitingAt(REVIEW_SCREENING);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    private ProcessInstance register(Consumer<Map<String, Object>> change) {
        email = Intakes.uniqueEmail("process");
        Map<String, Object> body = Intakes.clean(email);
        body.put("registrationNumber", inn);
        change.accept(body);
        Engagement engagement = registrations.register(json.convertValue(body, RegistrationRequest.class));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagement.getNumber())
                .processDefinitionKey(EngagementProcess.KEY).singleResult();
        // The registration only stores: the intake is screened by a job of its own (see BrokenRulesRegistrationTest).
        assertThatEngagement(instance).isWaitingAt(SCREEN_INTAKE);
        assertThat(screening.find(engagement.getId())).isEmpty();
        execute(job(instance));
        return instance;
    }

    private void upload(ProcessInstance instance, String name, byte[] content) {
        assertThatEngagement(instance).isWaitingAt(PROVE_SIGNING_AUTHORITY);
        complete(task(instance), withVariables("authorityDocument", Variables.fileValue(name).file(content).create()));
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(instance, "authorityDocument")).isNull();
    }

    private Engagement engagement(ProcessInstance instance) {
        return engagements.findByNumber(instance.getBusinessKey()).orElseThrow();
    }

    private java.util.List<String> templatesSentFor(ProcessInstance instance) {
        return correspondence.findByEngagementIdOrderByIdAsc(engagement(instance).getId()).stream()
                .map(c -> c.getTemplate()).toList();
    }

    private Job currentJob(ProcessInstance instance) {
        return com.engagementorchestrator.support.EngagementAssert.jobs(instance).stream().findFirst().orElse(null);
    }

}

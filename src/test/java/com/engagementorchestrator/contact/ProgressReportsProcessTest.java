package com.engagementorchestrator.contact;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.contact.ProgressReportsProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.BlockProcess;
import com.engagementorchestrator.breach.BreachService;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.delivery.DeliveryService;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The rules of contact (seed 002) and every path of processes/progress-reports.bpmn with Camunda BPM Assert: the
 * agreed schedule, the freelancer's report, the letter in ru and en (GreenMail), the default schedule, no piling up,
 * the stop on delivery and on termination, a paused engagement. Timers on the engine clock.
 */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class ProgressReportsProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ContactAgreements agreements;
    @Autowired ProgressReports reports;
    @Autowired CorrespondenceLog correspondence;
    @Autowired DeliveryService deliveries;
    @Autowired BreachService breaches;
    @Autowired EngagementLifecycle lifecycle;
    @LocalServerPort int port;

    Journeys journeys;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
        journeys = new Journeys(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @CsvSource({"ru", "en"})
    void theAgreedScheduleAsksTheFreelancersForAReportAndTheClientGetsItInTheirLanguage(String locale) throws Exception {
        ProcessInstance engagement = journeys.awaitingDeposit(body -> body.put("locale", locale));
        long engagementId = journeys.engagement(engagement).getId();
        agreements.agree(engagementId, ContactChannel.MESSENGER, 3, "moderator");
        Instant workStarted = journeys.now();
        journeys.startTheWork(engagement);
        String number = engagement.getBusinessKey();

        ProcessInstance reportsProcess = reportsOf(engagement);
        assertThatEngagement(reportsProcess).hasPassed(WORK_STARTED).isWaitingAt(REPORT_DUE);
        Instant firstDue = workStarted.plus(Duration.ofDays(3));
        assertThat(timerOf(reportsProcess).getDuedate().toInstant()).isEqualTo(firstDue);

        fireTimer(reportsProcess);
        assertThatEngagement(reportsProcess).hasPassed(STILL_AT_WORK).isWaitingAt(WRITE_PROGRESS_REPORT);
        Task report = task(WRITE_PROGRESS_REPORT, reportsProcess);
        assertThat(report).hasCandidateGroup("freelancers");
        Instant secondDue = firstDue.plus(Duration.ofDays(3));
        assertThat(report.getDueDate().toInstant()).isEqualTo(secondDue);
        assertThat(tasks.getVariableLocal(report.getId(), "reportAgreement")).isEqualTo("Messenger, every 3 days");
        assertThat(tasks.getVariableLocal(report.getId(), "reportEngagement")).isEqualTo(number);

        complete(report, withVariables(
                ProgressReportsProcess.Variables.DONE_SO_FAR.name(), "Home page layout is ready.\nThe catalogue is half done.",
                ProgressReportsProcess.Variables.NEXT_STEPS.name(), "Product pages",
                ProgressReportsProcess.Variables.NEEDED_FROM_CLIENT.name(), "Photos of the products"));
        assertThatEngagement(reportsProcess).hasPassed(SEND_PROGRESS_REPORT).isWaitingAt(REPORT_DUE);
        assertThat(timerOf(reportsProcess).getDuedate().toInstant()).isEqualTo(secondDue);
        assertThat(runtime.getVariable(reportsProcess.getId(), ProgressReportsProcess.Variables.DONE_SO_FAR.name())).isNull();

        String name = "Olga Smirnova";
        String expected = "ru".equals(locale)
                ? "Здравствуйте, " + name + "!\n\nОтчёт о ходе работы по заявке " + number + ".\n\n"
                + "Сделано:\n> Home page layout is ready.\n> The catalogue is half done.\n\n"
                + "Дальнейшие шаги:\n> Product pages\n\nЧто нужно от вас:\n> Photos of the products\n\n"
                + "Как договорились, мы присылаем отчёт каждые 3 дня; следующий — " + Time.isoDate(secondDue)
                + ". Связь с нами в любое время удобным для вас способом: мессенджер.\n\nС уважением,\nEngagement Orchestrator"
                : "Dear " + name + ",\n\nhere is our progress report on request " + number + ".\n\n"
                + "Done so far:\n> Home page layout is ready.\n> The catalogue is half done.\n\n"
                + "Next steps:\n> Product pages\n\nWhat we need from you:\n> Photos of the products\n\n"
                + "As agreed, we report every 3 days; the next report follows on " + Time.isoDate(secondDue)
                + ". Reach us at any time by your preferred channel: messenger.\n\nKind regards,\nEngagement Orchestrator";
        String subject = ("ru".equals(locale) ? "Заявка " : "Request ") + number
                + ("ru".equals(locale) ? ": отчёт о ходе работы" : ": progress report");

        Correspondence logged = correspondence.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(c -> c.getTemplate().equals("progress.report")).findFirst().orElseThrow();
        assertThat(logged.getLocale()).isEqualTo(locale);
        assertThat(logged.getSubject()).isEqualTo(subject);
        assertThat(logged.getBody()).isEqualTo(expected);
        int letters = correspondence.findByEngagementIdOrderByIdAsc(engagementId).size();
        MimeMessage mail = Mailbox.await(journeys.email, letters).stream().filter(m -> Mailbox.subjectOf(m).equals(subject))
                .findFirst().orElse(null);
        assertThat(mail).as("the report letter in GreenMail").isNotNull();
        assertThat(mail.getContent().toString().replace("\r\n", "\n").stripTrailing()).isEqualTo(expected);
        assertThat(reports.of(engagementId)).singleElement().satisfies(r -> {
            assertThat(r.getSentAt()).isNotNull();
            assertThat(r.getWrittenBy()).isNotBlank();
        });

        // The agreement is part of the engagement's overview.
        JsonNode view = new TestRestTemplate().withBasicAuth("moderator", "moderator")
                .getForObject("http://localhost:" + port + "/api/engagements/" + number, JsonNode.class);
        assertThat(view.path("contact").path("preferredChannel").asText()).isEqualTo("MESSENGER");
        assertThat(view.path("contact").path("reportEveryDays").asInt()).isEqualTo(3);
        assertThat(view.path("contact").path("agreed").asBoolean()).isTrue();
        assertThat(view.path("contact").path("agreedBy").asText()).isEqualTo("moderator");
    }

    @Test
    void withoutAnAgreementReportsGoOutWeeklyByEmail() {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ContactAgreement agreement = agreements.find(engagementId);
        assertThat(agreement.isRecorded()).isFalse();
        assertThat(agreement.getPreferredChannel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(agreement.getReportEveryDays()).isEqualTo(7);
        assertThat(agreement.getAgreedBy()).isNull();

        ProcessInstance reportsProcess = reportsOf(engagement);
        assertThat(timerOf(reportsProcess).getDuedate().toInstant()).isEqualTo(journeys.now().plus(Duration.ofDays(7)));
        fireTimer(reportsProcess);
        complete(task(WRITE_PROGRESS_REPORT, reportsProcess), withVariables(
                ProgressReportsProcess.Variables.DONE_SO_FAR.name(), "Wireframes", ProgressReportsProcess.Variables.NEXT_STEPS.name(), "Design"));

        Correspondence logged = correspondence.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(c -> c.getTemplate().equals("progress.report")).findFirst().orElseThrow();
        assertThat(logged.getBody()).contains("What we need from you:\nNothing at the moment.",
                "we report every 7 days", "your preferred channel: e-mail.");
    }

    @Test
    void aReportNotWrittenByTheNextDateDoesNotPileUp() {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ProcessInstance reportsProcess = reportsOf(engagement);
        reports.start(engagementId);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProgressReportsProcess.KEY)
                .variableValueEquals("engagementId", engagementId).count()).as("one reports process per engagement").isOne();

        Instant firstDue = timerOf(reportsProcess).getDuedate().toInstant();
        fireTimer(reportsProcess);
        assertThatEngagement(reportsProcess).isWaitingAt(WRITE_PROGRESS_REPORT);

        // Five weeks later the report is still not written: no timer runs meanwhile, so no second task.
        ClockUtil.setCurrentTime(Date.from(firstDue.plus(Duration.ofDays(35)).plusSeconds(60)));
        assertThat(management.createJobQuery().processInstanceId(reportsProcess.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(reportsProcess.getId()).count()).isOne();

        complete(task(WRITE_PROGRESS_REPORT, reportsProcess), withVariables(
                ProgressReportsProcess.Variables.DONE_SO_FAR.name(), "Late, sorry", ProgressReportsProcess.Variables.NEXT_STEPS.name(), "More"));
        // The missed dates are skipped: the next report is the schedule's next date after now, not a burst of old ones.
        Instant next = timerOf(reportsProcess).getDuedate().toInstant();
        assertThat(next).isAfter(journeys.now()).isEqualTo(firstDue.plus(Duration.ofDays(42)));
        assertThat(correspondence.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(c -> c.getTemplate().equals("progress.report")).findFirst().orElseThrow().getBody())
                .contains("the next report follows on " + Time.isoDate(next));
        assertThat(tasks.createTaskQuery().processInstanceId(reportsProcess.getId()).count()).isZero();
    }

    @Test
    void reportsStopWhenTheWorkIsDelivered() {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ProcessInstance reportsProcess = reportsOf(engagement);
        fireTimer(reportsProcess);
        assertThatEngagement(reportsProcess).isWaitingAt(WRITE_PROGRESS_REPORT);

        deliveries.declareDelivered(engagementId);

        assertThatEngagement(engagement).hasPassed(EngagementProcess.Elements.WORK_DELIVERED);
        assertThatEngagement(reportsProcess).hasPassed(REPORTS_STOPPED_START, REPORTS_STOPPED).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(reportsProcess.getId()).count()).isZero();
        assertThat(reports.running(engagementId)).isEmpty();
    }

    @Test
    void aPausedEngagementSendsNoReportsAndTerminationEndsThem() {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ProcessInstance reportsProcess = reportsOf(engagement);
        Instant due = timerOf(reportsProcess).getDuedate().toInstant();

        // A protocol the client has not signed: a breach is recorded only for an obligation still unmet.
        context.getBean(com.engagementorchestrator.protocol.ProtocolService.class).record(engagementId,
                new com.engagementorchestrator.protocol.ProtocolContent(java.time.LocalDate.now(), java.util.List.of("Client", "Moderator"),
                        java.util.List.of("Weekly reports"), java.util.List.of(), java.util.List.of()), "moderator");
        breaches.report(engagementId, null, "PROTOCOL_UNSIGNED", "PROTOCOL", journeys.now());
        assertThat(journeys.engagement(engagement).getStatus()).isEqualTo(EngagementStatus.BLOCKED);
        assertThat(reportsProcess).isSuspended();
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(10))));
        // A suspended timer is never acquired: no report is asked for, none goes out.
        assertThat(management.createJobQuery().processInstanceId(reportsProcess.getId()).active().count()).isZero();

        ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals(BlockProcess.Variables.CLIENT_USER_ID.name(), journeys.email).singleResult();
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "TERMINATE",
                "decisionNotes", "No answer for a month"));

        assertThatEngagement(engagement).isEnded();
        assertThat(journeys.engagement(engagement).getStatus()).isEqualTo(EngagementStatus.TERMINATED);
        assertThatEngagement(reportsProcess).isEnded();
        assertThat(journeys.templatesSentFor(engagement)).doesNotContain("progress.report");
    }

    @Test
    void reportsEndOnTheirOwnWhenTheEngagementIsNoLongerAtWork() {
        ProcessInstance engagement = journeys.working(body -> { });
        long engagementId = journeys.engagement(engagement).getId();
        ProcessInstance reportsProcess = reportsOf(engagement);
        // The engagement left the work without its listeners (an operator deleted its instance, skipping them).
        runtime.deleteProcessInstance(engagement.getId(), "test: removed by an operator", true);
        lifecycle.close(engagementId, EngagementStatus.EXPIRED, "test");
        assertThatEngagement(reportsProcess).isWaitingAt(REPORT_DUE);

        fireTimer(reportsProcess);

        assertThatEngagement(reportsProcess).hasPassed(STILL_AT_WORK, WORK_OVER).hasNotPassed(WRITE_PROGRESS_REPORT).isEnded();
    }

    @Test
    void anAgreementNeedsAChannelAndOneTo31DaysAndAgreeingAgainReplacesIt() {
        ProcessInstance engagement = journeys.awaitingDeposit(body -> { });
        long engagementId = journeys.engagement(engagement).getId();

        assertThatThrownBy(() -> agreements.agree(engagementId, ContactChannel.PHONE, 0, "moderator"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("reportEveryDays", "progress reports go out every 1 to 31 days, got 0")));
        assertThatThrownBy(() -> agreements.agree(engagementId, null, 32, "moderator"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("preferredContactChannel",
                                "choose how the client prefers to be contacted: EMAIL, PHONE, MESSENGER, VIDEO_CALL"),
                        new FieldProblem("reportEveryDays", "progress reports go out every 1 to 31 days, got 32")))
                .hasMessageContaining("reportEveryDays: progress reports go out every 1 to 31 days, got 32");
        assertThat(agreements.find(engagementId).isRecorded()).as("nothing recorded").isFalse();

        agreements.agree(engagementId, ContactChannel.EMAIL, 1, "moderator");
        agreements.agree(engagementId, ContactChannel.VIDEO_CALL, 31, "another-moderator");
        ContactAgreement agreed = agreements.find(engagementId);
        assertThat(agreed.isRecorded()).isTrue();
        assertThat(agreed.getPreferredChannel()).isEqualTo(ContactChannel.VIDEO_CALL);
        assertThat(agreed.getReportEveryDays()).isEqualTo(31);
        assertThat(agreed.getAgreedBy()).isEqualTo("another-moderator");
        assertThat(agreed.getAgreedAt()).isEqualTo(journeys.now());
    }

    private ProcessInstance reportsOf(ProcessInstance engagement) {
        ProcessInstance instance = journeys.instanceOfKey(ProgressReportsProcess.KEY, engagement.getBusinessKey() + "/reports");
        assertThat(instance).as("the progress reports of " + engagement.getBusinessKey()).isNotNull();
        return instance;
    }

    private Job timerOf(ProcessInstance reportsProcess) {
        return management.createJobQuery().processInstanceId(reportsProcess.getId()).timers().singleResult();
    }

    private void fireTimer(ProcessInstance reportsProcess) {
        Job timer = timerOf(reportsProcess);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());
    }
}

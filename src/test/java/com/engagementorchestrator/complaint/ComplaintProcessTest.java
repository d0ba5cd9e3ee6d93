package com.engagementorchestrator.complaint;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.complaint.ComplaintProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
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

/** Every path of the complaint event subprocess (processes/engagement.bpmn, DOMAIN.md step 9) with Camunda BPM Assert. */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class ComplaintProcessTest {

    @Autowired ApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ComplaintService complaints;

    Journeys journeys;
    ProcessInstance engagement;
    long engagementId;

    @BeforeEach
    void aRunningEngagement() {
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
        journeys = new Journeys(context);
        engagement = journeys.accepted(body -> { });
        engagementId = journeys.engagement(engagement).getId();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void ourFaultIsAdmittedWithAFixAndTheClientAcceptsIt() {
        Complaint complaint = complaints.raise(engagementId, journeys.email, "The draft came a week late");
        assertThatEngagement(engagement).hasPassed(COMPLAINT_RAISED).isWaitingAt(ANSWER_COMPLAINT);
        Task answer = task(ANSWER_COMPLAINT);
        assertThat(tasks.getVariableLocal(answer.getId(), "complaintText")).isEqualTo("The draft came a week late");
        assertThatThrownBy(() -> tasks.complete(answer.getId(), Map.of("classification", "OUR_FAULT", "answer", "Sorry")))
                .hasMessageContaining("fix").hasMessageContaining("fixBy");

        complete(answer, Map.of("classification", "OUR_FAULT", "answer", "We missed our own date.", "fix", "Two extra revisions",
                "fixBy", LocalDate.now().plusDays(5).toString(), "refundAmount", "5000"));
        assertThatEngagement(engagement).hasPassed(SEND_ANSWER).isWaitingAt(RESPOND_TO_ANSWER);
        assertThat(task(RESPOND_TO_ANSWER).getAssignee()).isEqualTo(journeys.email);
        // the client reads our answer in words, in their language: no code, no dash, the refund as money
        String fixBy = LocalDate.now().plusDays(5).toString();
        assertThat(tasks.getVariableLocal(task(RESPOND_TO_ANSWER).getId(), "ourAnswer")).isEqualTo(
                "ru".equals(context.getBean(com.engagementorchestrator.client.Clients.class).findByUserId(journeys.email).orElseThrow().getLocale())
                        ? "Наша ошибка: We missed our own date.\nЧто мы исправим: Two extra revisions, до " + fixBy + ".\nВозврат: 5\u00a0000,00 руб."
                        : "Our fault: We missed our own date.\nWhat we fix: Two extra revisions, by " + fixBy + ".\nRefund: 5,000.00 RUB");
        complete(task(RESPOND_TO_ANSWER), Map.of("complaintResponse", "ACCEPT"));

        assertThatEngagement(engagement).hasPassed(CLOSE_COMPLAINT, COMPLAINT_CLOSED).isWaitingAt(
                com.engagementorchestrator.engagement.EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        Complaint closed = complaints.get(complaint.getId());
        assertThat(closed.getStatus()).isEqualTo(Complaint.Status.CLOSED);
        assertThat(closed.getRefundAmount()).isEqualByComparingTo("5000");
        assertThat(journeys.templatesSentFor(engagement)).contains("complaint.received", "complaint.answer.OUR_FAULT");
    }

    @Test
    void outsideOurControlIsExplainedAndSilenceClosesIt() {
        complaints.raise(engagementId, journeys.email, "The hosting was down for a day");
        complete(task(ANSWER_COMPLAINT), Map.of("classification", "OUTSIDE_OUR_CONTROL",
                "answer", "The hosting provider had an outage on 12 November; their status page confirms it."));
        Job noReply = timer();
        ClockUtil.setCurrentTime(Date.from(noReply.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(noReply.getId());

        assertThatEngagement(engagement).hasPassed(NO_REPLY, COMPLAINT_CLOSED);
        assertThat(journeys.templatesSentFor(engagement)).contains("complaint.answer.OUTSIDE_OUR_CONTROL");
    }

    @Test
    void anUnfoundedComplaintIsAnsweredWithTheSignedRecordAndAnEscalationGoesToTheFreelancer() {
        Complaint complaint = complaints.raise(engagementId, journeys.email, "You never said the texts were ours to write");
        Task answer = task(ANSWER_COMPLAINT);
        assertThatThrownBy(() -> tasks.complete(answer.getId(), Map.of("classification", "UNFOUNDED", "answer", "It was clear")))
                .hasMessageContaining("cite the signed protocol");
        complete(answer, Map.of("classification", "UNFOUNDED",
                "answer", "Protocol PRT-2026-000001-1 v1, signed by you, says the client writes the texts."));
        Task reply = task(RESPOND_TO_ANSWER);
        assertThatThrownBy(() -> tasks.complete(reply.getId(), Map.of("complaintResponse", "ESCALATE")))
                .hasMessageContaining("clientReply");
        complete(reply, Map.of("complaintResponse", "ESCALATE", "clientReply", "I signed in a hurry"));

        assertThatEngagement(engagement).isWaitingAt(HANDLE_ESCALATION);
        // the freelancer reads it in English words (staff), no refund line where there is nothing to refund
        assertThat(tasks.getVariableLocal(task(HANDLE_ESCALATION).getId(), "ourAnswer")).isEqualTo(
                "Unfounded: the signed record says otherwise: Protocol PRT-2026-000001-1 v1, signed by you, says the client writes the texts.");
        assertThat(tasks.createTaskQuery().taskDefinitionKey(HANDLE_ESCALATION).taskCandidateGroup("freelancers")
                .processInstanceId(engagement.getId()).count()).isOne();
        complete(task(HANDLE_ESCALATION), Map.of("escalationAnswer", "Let us write the first two pages together, at no cost."));

        assertThatEngagement(engagement).hasPassed(COMPLAINT_CLOSED);
        assertThat(complaints.get(complaint.getId()).getClosedHow()).isEqualTo("ESCALATION_ANSWERED");
        assertThat(journeys.templatesSentFor(engagement)).contains("complaint.answer.UNFOUNDED", "complaint.escalation");
    }

    @Test
    void aLateAnswerIsEscalatedAndTheClientToldWhileTwoComplaintsStaySeparate() {
        Complaint first = complaints.raise(engagementId, journeys.email, "First");
        Complaint second = complaints.raise(engagementId, journeys.email, "Second");
        assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement)).taskDefinitionKey(ANSWER_COMPLAINT).count()).isEqualTo(2);

        Job overdue = management.createJobQuery().processInstanceId(engagement.getId()).timers().orderByJobDuedate().asc()
                .list().get(0);
        ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(overdue.getId());

        assertThatEngagement(engagement).hasPassed(ESCALATE_OVERDUE_ANSWER);
        assertThat(journeys.templatesSentFor(engagement)).contains("complaint.delayed");
        assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement)).taskDefinitionKey(ANSWER_COMPLAINT)
                .taskCandidateGroup("freelancers").taskPriority(100).count()).as("the late answer is escalated").isOne();
        assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement)).taskDefinitionKey(ANSWER_COMPLAINT).count())
                .as("the answer is still due").isEqualTo(2);
        for (Task answer : tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement)).taskDefinitionKey(ANSWER_COMPLAINT).list()) {
            String text = (String) tasks.getVariableLocal(answer.getId(), "complaintText");
            complete(answer, Map.of("classification", "OUTSIDE_OUR_CONTROL", "answer", "About " + text));
        }
        assertThat(complaints.get(first.getId()).getAnswer()).isEqualTo("About First");
        assertThat(complaints.get(second.getId()).getAnswer()).isEqualTo("About Second");
        assertThat(complaints.get(first.getId()).getAnswerOverdueAt() != null
                || complaints.get(second.getId()).getAnswerOverdueAt() != null).isTrue();
    }

    private Task task(String key) {
        return tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(engagement)).taskDefinitionKey(key).singleResult();
    }

    private Job timer() {
        return management.createJobQuery().processInstanceId(engagement.getId()).timers().singleResult();
    }

    private void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), new HashMap<>(variables));
    }
}

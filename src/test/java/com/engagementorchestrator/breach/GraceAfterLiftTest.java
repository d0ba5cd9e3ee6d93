package com.engagementorchestrator.breach;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Lifting a block does not re-block at once (issue 10, item 6): an obligation of another engagement that fell due
 * while the client was blocked gets the same grace period after the lift as the breached one.
 */
@IntegrationTest
class GraceAfterLiftTest {

    static final Duration GRACE = Duration.ofDays(7); // engagement.blocking.grace-after-lift

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired BreachService breaches;
    @Autowired BlockService blocks;
    @Autowired com.engagementorchestrator.reminder.ReminderLadder ladder;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anotherEngagementDueWhilePausedDoesNotBreachWithinTheGracePeriodAfterTheLift() {
        Journeys journeys = new Journeys(context);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance breaching = journeys.awaitingDeposit(body -> { });
        // The second engagement's deposit is due two days later: its deadline passes while the client is blocked.
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(2))));
        ProcessInstance sibling = journeys.anotherEngagementAwaitingDeposit();
        Instant siblingDeadline = ladder.deadline(journeys.ladderDueAt(sibling));

        journeys.escalateToBreach(breaching);
        assertThatEngagement(journeys.awaitedObligation(breaching)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
        Instant blockedAt = journeys.now();
        long clientId = journeys.engagement(breaching).getClient().getId();
        assertThat(journeys.engagement(sibling).getStatus()).isEqualTo(EngagementStatus.BLOCKED);

        // Blocked for ten days, well past the sibling's deadline; then a moderator lifts the block.
        Instant liftedAt = blockedAt.plus(Duration.ofDays(10));
        assertThat(siblingDeadline).as("due while paused").isAfter(blockedAt).isBefore(liftedAt);
        ClockUtil.setCurrentTime(Date.from(liftedAt));
        ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals(BlockProcess.Variables.CLIENT_USER_ID.name(), journeys.email).singleResult();
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "LIFT",
                "decisionNotes", "The transfer bounced; both continue"));
        assertThat(journeys.engagement(sibling).getStatus()).isEqualTo(EngagementStatus.ACTIVE);

        // Every timer of both engagements that falls due within the grace period fires.
        ClockUtil.setCurrentTime(Date.from(liftedAt.plus(GRACE).minus(Duration.ofMinutes(1))));
        List<String> fired = fireDueTimers(breaching, sibling);

        assertThat(breaches.ofClient(clientId)).as("only the first breach; timers fired: %s", fired).hasSize(1);
        assertThat(blocks.inForce(clientId)).as("not blocked again").isEmpty();
        assertThat(journeys.engagement(breaching).getStatus()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(journeys.engagement(sibling).getStatus()).isEqualTo(EngagementStatus.ACTIVE);
        List<String> letters = Stream.concat(journeys.templatesSentFor(breaching).stream(),
                journeys.templatesSentFor(sibling).stream()).toList();
        assertThat(letters).filteredOn("block.lifted"::equals).hasSize(1);
        assertThat(letters).as("no second suspension").filteredOn("block.notice"::equals).hasSize(1);
        assertThatEngagement(sibling).isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);

        // The grace is a grace, not a pardon: after it, the sibling's deadline still comes.
        Job siblingTimer = management.createJobQuery().processInstanceId(journeys.ladder(sibling).getId()).timers().singleResult();
        assertThat(siblingTimer).isNotNull();
    }

    /** Fires the due timers of the engagements' processes and their ladders until none is due; answers what fired. */
    private List<String> fireDueTimers(ProcessInstance... instances) {
        List<String> fired = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            List<String> ids = new ArrayList<>();
            for (ProcessInstance instance : instances) {
                ids.add(instance.getId());
            }
            for (int i = 0; i < ids.size(); i++) { // and the processes they called, and those called in turn
                runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).unlimitedList()
                        .forEach(p -> ids.add(p.getId()));
            }
            List<Job> due = ids.stream().flatMap(id -> management.createJobQuery().processInstanceId(id).timers().active()
                    .duedateLowerThan(ClockUtil.getCurrentTime()).unlimitedList().stream()).toList();
            if (due.isEmpty()) {
                return fired;
            }
            for (Job job : due) {
                fired.add(job.getProcessInstanceId() + ":" + job.getDuedate().toInstant());
                management.executeJob(job.getId());
            }
        }
        throw new AssertionError("timers keep firing: " + fired);
    }
}

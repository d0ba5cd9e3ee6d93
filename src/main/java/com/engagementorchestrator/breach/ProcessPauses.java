package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.DueDates;
import com.engagementorchestrator.ending.EngagementEnding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Pauses and resumes an engagement's process instance together with the instances it called (the reminder ladders):
 * the engine suspends each instance of a hierarchy on its own. On resume every timer, task due date and due-date
 * variable moves by the paused time, so the client loses no time to the block.
 */
@Component
class ProcessPauses {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final com.engagementorchestrator.reminder.ReminderLadder ladder;

    /** The due dates of every process an engagement runs, by name: the ladder's and await-obligation's dueAt is one. */
    private final List<ProcessVariable<Date>> dueDates;

    ProcessPauses(RuntimeService runtime, ManagementService management, TaskService tasks,
                  com.engagementorchestrator.reminder.ReminderLadder ladder, List<DueDates> dueDates) {
        this.dueDates = List.copyOf(dueDates.stream().flatMap(d -> d.variables().stream())
                .collect(java.util.stream.Collectors.toMap(ProcessVariable::name, v -> v, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values());
        this.ladder = ladder;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    void suspend(String processInstanceId) {
        for (String id : hierarchy(processInstanceId)) {
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend();
        }
    }

    void activate(String processInstanceId) {
        for (String id : hierarchy(processInstanceId)) {
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
        }
    }

    /** Activates the hierarchy and moves every deadline in it by the paused time. */
    void resume(String processInstanceId, Duration pausedFor) {
        List<String> instances = hierarchy(processInstanceId);
        for (String id : instances) {
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
        }
        for (String id : instances) {
            for (Job timer : management.createJobQuery().processInstanceId(id).timers().unlimitedList()) {
                management.setJobDuedate(timer.getId(), later(timer.getDuedate(), pausedFor));
            }
            for (Task task : tasks.createTaskQuery().processInstanceId(id).unlimitedList()) {
                if (task.getDueDate() != null) {
                    task.setDueDate(later(task.getDueDate(), pausedFor));
                    tasks.saveTask(task);
                }
            }
            for (ProcessVariable<Date> dueDate : dueDates) {
                Date date = dueDate.get(runtime, id);
                if (date != null) {
                    dueDate.set(runtime, id, later(date, pausedFor));
                }
            }
        }
    }

    /**
     * How far the hierarchy's deadlines move on resume: by the paused time, and further where a reminder ladder's
     * deadline would then fall within the grace period after the lift (issue 10, item 6): an obligation that fell due
     * while the client was blocked gets the same grace as the breached one, instead of breaching again right after
     * the lift. Everything in the hierarchy moves by the one answer, so the ladder's steps keep their order.
     */
    Duration shiftOnResume(String processInstanceId, Duration pausedFor, java.time.Instant liftedAt, Duration grace) {
        Duration shift = pausedFor;
        for (String id : hierarchy(processInstanceId)) {
            Date dueAt = AwaitObligationProcess.Variables.DUE_AT.get(runtime, id);
            if (dueAt != null && AwaitObligationProcess.Variables.OBLIGATION.get(runtime, id) != null) {
                java.time.Instant movedDeadline = ladder.deadline(dueAt.toInstant().plus(pausedFor));
                java.time.Instant earliest = liftedAt.plus(grace);
                if (movedDeadline.isBefore(earliest)) {
                    Duration needed = pausedFor.plus(Duration.between(movedDeadline, earliest));
                    shift = needed.compareTo(shift) > 0 ? needed : shift;
                }
            }
        }
        return shift;
    }

    /** A top-level process of the engagement (its own, its protocols'), not the ladders they called. */
    record EngagementProcessInstance(String id, String processKey) {
    }

    List<EngagementProcessInstance> processesOf(long engagementId) {
        return runtime.createProcessInstanceQuery().variableValueEquals(EngagementEnding.ENGAGEMENT_ID.name(), engagementId).unlimitedList().stream()
                .filter(p -> p.getId().equals(p.getRootProcessInstanceId()))
                .map(p -> new EngagementProcessInstance(p.getId(), p.getProcessDefinitionId().split(":")[0]))
                .toList();
    }

    /**
     * Ends a process of a terminated engagement the way its model says (its EngagementEnded event sub-process, see
     * ending/EngagementEnding); one that models no such end is deleted with the reason.
     */
    void end(String processInstanceId, String reason) {
        boolean ended = !runtime.createMessageCorrelation(EngagementEnding.MESSAGE).processInstanceId(processInstanceId)
                .setVariables(ProcessVariable.values().with(EngagementEnding.REASON, reason)).correlateAllWithResult().isEmpty();
        if (!ended) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }

    /**
     * Delivers a message to whichever instance of the hierarchy waits for it: BlockLifted is awaited by the
     * await-obligation instance the engagement (or protocol) called, not by the top-level instance itself.
     */
    boolean correlateInHierarchy(String processInstanceId, String message) {
        for (String id : hierarchy(processInstanceId)) {
            if (runtime.createEventSubscriptionQuery().processInstanceId(id).eventType("message").eventName(message)
                    .count() > 0) {
                return correlate(id, message);
            }
        }
        return false;
    }

    boolean correlate(String processInstanceId, String message) {
        return !runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)
                .correlateAllWithResult().isEmpty();
    }

    private List<String> hierarchy(String rootId) {
        List<String> ids = new ArrayList<>();
        List<String> frontier = List.of(rootId);
        while (!frontier.isEmpty()) {
            ids.addAll(frontier);
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                runtime.createProcessInstanceQuery().superProcessInstanceId(id).unlimitedList().forEach(p -> next.add(p.getId()));
            }
            frontier = next;
        }
        return ids;
    }

    private static Date later(Date date, Duration by) {
        return date == null ? null : Date.from(date.toInstant().plus(by));
    }
}

package com.engagementorchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.TaskAssert;

/**
 * Assertions on a process instance together with every instance it called, and the ones those called (call activities:
 * the engagement's phases, collect-payment, await-obligation, the reminder ladder). An engagement's steps run in the
 * instances its phases call, so "waiting at", "passed" and "its task" look at the whole hierarchy under the instance.
 * Uses the engine BpmnAwareTests was initialised with (Journeys does that).
 */
public final class EngagementAssert {

    private final ProcessInstance instance;
    private String description = "";

    private EngagementAssert(ProcessInstance instance) {
        this.instance = instance;
    }

    public static EngagementAssert assertThatEngagement(ProcessInstance instance) {
        assertThat(instance).as("the process instance").isNotNull();
        return new EngagementAssert(instance);
    }

    public EngagementAssert as(String description, Object... args) {
        this.description = String.format(description, args) + ": ";
        return this;
    }

    /** Every id is an activity (a wait state, a call activity, a sub-process, ...) active somewhere in the hierarchy. */
    public EngagementAssert isWaitingAt(String... activityIds) {
        isNotEnded();
        Set<String> active = activeActivityIds(instance);
        assertThat(active).as(description + "activities active under %s", instance.getId()).contains(activityIds);
        return this;
    }

    public EngagementAssert isNotWaitingAt(String... activityIds) {
        Set<String> active = activeActivityIds(instance);
        assertThat(active).as(description + "activities active under %s", instance.getId()).doesNotContain(activityIds);
        return this;
    }

    /** Every id was finished (at least once) somewhere in the hierarchy. */
    public EngagementAssert hasPassed(String... activityIds) {
        assertThat(passedActivityIds(instance)).as(description + "activities passed under %s", instance.getId())
                .contains(activityIds);
        return this;
    }

    public EngagementAssert hasNotPassed(String... activityIds) {
        assertThat(passedActivityIds(instance)).as(description + "activities passed under %s", instance.getId())
                .doesNotContain(activityIds);
        return this;
    }

    public EngagementAssert isEnded() {
        assertThat(runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as(description + "instance %s still running", instance.getId()).isZero();
        return this;
    }

    public EngagementAssert isNotEnded() {
        assertThat(runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as(description + "instance %s running", instance.getId()).isOne();
        return this;
    }

    /** The one open task in the hierarchy. */
    public TaskAssert task() {
        List<Task> open = tasks(instance);
        assertThat(open).as(description + "open tasks under %s", instance.getId()).hasSize(1);
        return BpmnAwareTests.assertThat(open.get(0));
    }

    /** The one open task in the hierarchy (hierarchy-aware stand-in for BpmnAwareTests.task(instance)). */
    public static Task task(ProcessInstance instance) {
        List<Task> open = tasks(instance);
        assertThat(open).as("open tasks under %s", instance.getId()).hasSize(1);
        return open.get(0);
    }

    /** Hierarchy-aware stand-in for BpmnAwareTests.task(key, instance): null when there is none. */
    public static Task task(String taskDefinitionKey, ProcessInstance instance) {
        List<Task> found = tasks(instance).stream().filter(t -> taskDefinitionKey.equals(t.getTaskDefinitionKey())).toList();
        assertThat(found).as("open tasks %s under %s", taskDefinitionKey, instance.getId()).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    public static List<Task> tasks(ProcessInstance instance) {
        return engine().getTaskService().createTaskQuery().processInstanceIdIn(instanceIds(instance)).unlimitedList();
    }

    /** The job of this activity (an async continuation or a timer) somewhere in the hierarchy; null when there is none. */
    public static Job job(String activityId, ProcessInstance instance) {
        // One query per instance: the engine's SQL for processInstanceIds together with activityId does not parse on
        // PostgreSQL (7.24: "syntax error at or near (").
        List<Job> found = new ArrayList<>();
        for (String id : runningInstanceIds(instance.getId())) {
            found.addAll(engine().getManagementService().createJobQuery().processInstanceId(id).activityId(activityId).unlimitedList());
        }
        assertThat(found).as("jobs of %s under %s", activityId, instance.getId()).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The one job in the hierarchy (hierarchy-aware stand-in for BpmnAwareTests.job(instance)). */
    public static Job job(ProcessInstance instance) {
        List<Job> found = jobs(instance);
        assertThat(found).as("jobs under %s", instance.getId()).hasSize(1);
        return found.get(0);
    }

    /** All jobs in the hierarchy. */
    public static List<Job> jobs(ProcessInstance instance) {
        return jobQuery(instance).unlimitedList();
    }

    private static JobQuery jobQuery(ProcessInstance instance) {
        return engine().getManagementService().createJobQuery()
                .processInstanceIds(new HashSet<>(runningInstanceIds(instance.getId())));
    }

    /** The running instance of processKey in the hierarchy under instance (the instance itself included); null if none. */
    public static ProcessInstance called(ProcessInstance instance, String processKey) {
        for (String id : runningInstanceIds(instance.getId())) {
            // By key, not by a prefix of the definition id: the engine uses a bare UUID as id when key:version:uuid
            // would exceed 64 characters (engagement-signing-authority).
            ProcessInstance running = runtime().createProcessInstanceQuery().processInstanceId(id)
                    .processDefinitionKey(processKey).singleResult();
            if (running != null) {
                return running;
            }
        }
        return null;
    }

    /** The ids of the instance and every running instance under it, for queries (processInstanceIdIn). */
    public static String[] instanceIds(ProcessInstance instance) {
        return runningInstanceIds(instance.getId()).toArray(String[]::new);
    }

    /**
     * A variable as the engagement has it now: the phase that runs holds the current value (the engagement gets its
     * phases' variables back when they end), so the deepest instance that has it answers.
     */
    public static Object variable(ProcessInstance instance, String name) {
        List<String> ids = runningInstanceIds(instance.getId());
        for (int i = ids.size() - 1; i >= 0; i--) {
            Object value = runtime().getVariable(ids.get(i), name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The instance and, breadth first, every running instance it called. */
    public static List<String> runningInstanceIds(String rootId) {
        List<String> ids = new ArrayList<>(List.of(rootId));
        for (int i = 0; i < ids.size(); i++) {
            for (ProcessInstance called : runtime().createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).unlimitedList()) {
                ids.add(called.getId());
            }
        }
        return ids;
    }

    private static List<String> historicInstanceIds(String rootId) {
        List<String> ids = new ArrayList<>(List.of(rootId));
        HistoryService history = engine().getHistoryService();
        for (int i = 0; i < ids.size(); i++) {
            for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery().superProcessInstanceId(ids.get(i))
                    .unlimitedList()) {
                ids.add(called.getId());
            }
        }
        return ids;
    }

    private static Set<String> activeActivityIds(ProcessInstance instance) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : runningInstanceIds(instance.getId())) {
            ActivityInstance tree = runtime().getActivityInstance(id);
            if (tree != null) {
                collect(tree, ids);
            }
        }
        return ids;
    }

    private static void collect(ActivityInstance node, Set<String> ids) {
        ids.add(node.getActivityId());
        for (TransitionInstance transition : node.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            collect(child, ids);
        }
    }

    private static Set<String> passedActivityIds(ProcessInstance instance) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : historicInstanceIds(instance.getId())) {
            for (HistoricActivityInstance passed : engine().getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(id).finished().unlimitedList()) {
                ids.add(passed.getActivityId());
            }
        }
        return ids;
    }

    private static RuntimeService runtime() {
        return engine().getRuntimeService();
    }

    private static ProcessEngine engine() {
        return BpmnAwareTests.processEngine();
    }
}

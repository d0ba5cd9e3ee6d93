package com.engagementorchestrator.engagement;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engagement a task belongs to: the engagement's own process, or another of its processes (a protocol, a ladder, a
 * delivery review), which carries the engagement's id in {@code engagementId}.
 */
@Component
public class TaskEngagements {

    private final RuntimeService runtime;
    private final Engagements engagements;

    TaskEngagements(RuntimeService runtime, Engagements engagements) {
        this.runtime = runtime;
        this.engagements = engagements;
    }

    public Optional<Long> idOf(Task task) {
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        Long engagementId = EngagementProcess.Variables.ENGAGEMENT_ID.get(runtime, task.getProcessInstanceId());
        return engagementId != null ? Optional.of(engagementId)
                : engagements.findByProcessInstanceId(task.getProcessInstanceId()).map(Engagement::getId);
    }

    public Optional<Engagement> of(Task task) {
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(of(List.of(task)).get(task.getProcessInstanceId()));
    }

    /**
     * The engagements of many tasks at once, by process instance id (absent: none), with what {@link #of} finds for
     * each: one variable query for all their {@code engagementId}s, one read of those engagements, and one more for the
     * instances without that variable: three queries for any number of tasks (issue 13: the client's task list read
     * them task by task).
     */
    public Map<String, Engagement> of(Collection<? extends Task> tasks) {
        String[] instances = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (instances.length == 0) {
            return Map.of();
        }
        // The process instance's own scope only (its id is the scope's), as runtime.getVariable(instance, …) reads it.
        Map<String, Long> idByInstance = new HashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery().variableScopeIdIn(instances)
                .variableName("engagementId").disableBinaryFetching().disableCustomObjectDeserialization().unlimitedList()) {
            if (variable.getValue() instanceof Number id) {
                idByInstance.put(variable.getProcessInstanceId(), id.longValue());
            }
        }
        Map<Long, Engagement> byId = engagements.findAllById(idByInstance.values()).stream()
                .collect(Collectors.toMap(Engagement::getId, Function.identity()));
        Map<String, Engagement> found = new HashMap<>();
        idByInstance.forEach((instance, id) -> {
            if (byId.containsKey(id)) {
                found.put(instance, byId.get(id));
            }
        });
        List<String> withoutId = Arrays.stream(instances).filter(i -> !idByInstance.containsKey(i)).toList();
        if (!withoutId.isEmpty()) {
            engagements.findByProcessInstanceIdIn(withoutId).forEach(e -> found.put(e.getProcessInstanceId(), e));
        }
        return found;
    }
}

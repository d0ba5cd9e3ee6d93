package com.engagementorchestrator.engagement;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
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
        Long engagementId = EngagementProcess.Variables.ENGAGEMENT_ID.get(runtime, task.getProcessInstanceId());
        return engagementId != null ? engagements.findById(engagementId)
                : engagements.findByProcessInstanceId(task.getProcessInstanceId());
    }
}

package com.engagementorchestrator.portal;

import com.engagementorchestrator.common.AsSystem;
import com.engagementorchestrator.breach.BlockService;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.TaskEngagements;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import com.engagementorchestrator.deposit.CollectPaymentProcess;
import java.util.HashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client's tasks as the portal shows and completes them. A task is the client's when they are its assignee (the
 * engine grants the assignee TASK_WORK and nothing else); everything else answers 404. Reads and submissions run
 * as the client through the engine's FormService, so {@code forms.TaskFormGuard} applies exactly as for Tasklist:
 * only the form's fields are accepted and only the form's variables are shown.
 */
@Service
class PortalTasks {

    /** A client task the portal lists. {@code form}: {@code form-js} (a Camunda Form) or the embedded form's name. */
    record TaskView(String id, String name, String key, String engagementNumber, Instant created, Instant due,
                    boolean paused, String form) {
    }

    /**
     * What the portal renders a task from: the Camunda Form's schema (form-js) in the client's language or null, the
     * values shown, and form-js's validation messages in that language (English ones by their wording).
     */
    record TaskForm(TaskView task, String form, JsonNode schema, Map<String, Object> variables,
                    Map<String, String> validation) {
    }

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final TaskEngagements taskEngagements;
    private final BlockService blocks;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final PortalWords words;
    private final RuntimeService runtime;

    PortalTasks(TaskService tasks, FormService forms, IdentityService identity, TaskEngagements taskEngagements,
                BlockService blocks, TransactionTemplate transactions, ObjectMapper json, PortalWords words,
                RuntimeService runtime) {
        this.runtime = runtime;
        this.words = words;
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.taskEngagements = taskEngagements;
        this.blocks = blocks;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * The client's open tasks, named in {@code language} (the staff name carries the engagement and company), oldest
     * first, from {@code first} on, at most {@code max} (null: all). Three queries whatever their number: the tasks
     * with their form keys, then their engagements ({@link TaskEngagements#of(java.util.Collection)}).
     */
    List<TaskView> open(String userId, String language, int first, Integer max) {
        return AsSystem.call(identity, () -> {
            TaskQuery query = tasks.createTaskQuery().taskAssignee(userId).initializeFormKeys().orderByTaskCreateTime().asc()
                    .orderByTaskId().asc();
            List<Task> open = max == null ? (first == 0 ? query.unlimitedList() : query.listPage(first, Integer.MAX_VALUE))
                    : query.listPage(first, max);
            Map<String, Engagement> engagements = transactions.execute(status -> taskEngagements.of(open));
            Map<String, String> variants = variants(open);
            return open.stream().map(task -> view(task, engagements.get(task.getProcessInstanceId()),
                    variants.get(task.getId()), language)).toList();
        });
    }

    TaskForm form(String userId, List<String> groups, String taskId, String language) {
        Task task = own(userId, taskId);
        TaskView view = AsSystem.call(identity, () -> view(task,
                transactions.execute(status -> taskEngagements.of(task).orElse(null)), variants(List.of(task)).get(taskId),
                language));
        JsonNode schema = null;
        if ("form-js".equals(view.form())) {
            schema = AsSystem.call(identity, () -> {
                try (InputStream content = forms.getDeployedTaskForm(taskId)) {
                    return json.readTree(content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        // As the client: the form guard shows only what the task's form shows.
        VariableMap variables = asUser(userId, groups, () -> forms.getTaskFormVariables(taskId));
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            TypedValue value = variables.getValueTyped(name);
            if (!(value instanceof FileValue)) {
                shown.put(name, value.getValue());
            }
        }
        return new TaskForm(view, view.form(), words.translate(schema, language), shown,
                words.forms(language).validation());
    }

    /** Submits the task as the client; the engine's form guard refuses anything its form does not offer (400). */
    void submit(String userId, List<String> groups, String taskId, Map<String, Object> submission) {
        Task task = own(userId, taskId);
        if (task.isSuspended()) {
            throw new AccessDeniedException(pausedReason(task));
        }
        try {
            asUser(userId, groups, () -> {
                forms.submitTaskForm(taskId, submission);
                return null;
            });
        } catch (ProcessEngineException refused) {
            // The block may commit while this submission runs: the engine then refuses the suspended task (or the
            // row it changed). Answered as the block it is, not as a conflict or a server error.
            boolean stillActive = AsSystem.call(identity, () -> tasks.createTaskQuery().taskId(taskId).active().count() > 0);
            Optional<String> blocked = stillActive ? Optional.empty() : blockedReason(task);
            if (blocked.isPresent()) {
                throw new AccessDeniedException(blocked.get() + " You were blocked while this submission was made, so it"
                        + " was not kept: nothing of it (no uploaded file, no answer) was stored. Submit it again once"
                        + " the block is lifted.");
            }
            throw refused;
        }
    }

    /** The one ownership check of the portal: the client's own task, else 404 (revealing nothing). */
    private Task own(String userId, String taskId) {
        Task task = AsSystem.call(identity, () -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        if (task == null || !userId.equals(task.getAssignee())) {
            throw new NotFoundException("You have no open task " + taskId + ": it was completed already, or it is not yours.");
        }
        return task;
    }

    private String pausedReason(Task task) {
        return blockedReason(task).orElse("This task is paused and cannot be completed now.");
    }

    private Optional<String> blockedReason(Task task) {
        return transactions.execute(status -> AsSystem.call(identity, () -> taskEngagements.of(task)
                .flatMap(e -> blocks.inForce(e.getClient().getId()).map(b -> "Engagement " + e.getNumber()
                        + " is paused: you are blocked since " + b.getBlockedAt() + " because of a breach (" + b.getReason()
                        + "). A moderator reviews the block; once it is lifted the task can be completed."))));
    }

    /**
     * A task that serves several obligations is named by its variant: collect-payment's one pay task by the kind of
     * invoice it pays (DEPOSIT, FINAL, CHANGE_ORDER). One query, and only when such tasks are listed.
     */
    private Map<String, String> variants(List<Task> open) {
        String[] payTasks = open.stream().filter(t -> CollectPaymentProcess.Elements.PAY_INVOICE.equals(t.getTaskDefinitionKey()))
                .map(Task::getId).toArray(String[]::new);
        if (payTasks.length == 0) {
            return Map.of();
        }
        Map<String, String> variants = new HashMap<>();
        runtime.createVariableInstanceQuery().taskIdIn(payTasks).variableName(CollectPaymentProcess.Variables.INVOICE_KIND.name())
                .unlimitedList().forEach(v -> variants.put(v.getTaskId(), String.valueOf(v.getValue())));
        return variants;
    }

    /**
     * {@code task} read with its form keys ({@code initializeFormKeys}); {@code engagement} null when it has none;
     * {@code variant} null when the task has one name only.
     */
    private TaskView view(Task task, Engagement engagement, String variant, String language) {
        String kind = null;
        if (task.getCamundaFormRef() != null) {
            kind = "form-js";
        } else if (task.getFormKey() != null) {
            String key = task.getFormKey();
            kind = key.substring(key.lastIndexOf('/') + 1).replaceFirst("\\.html$", "");
        }
        return new TaskView(task.getId(), words.taskName(language, task.getTaskDefinitionKey(), variant, task.getName()),
                task.getTaskDefinitionKey(), engagement == null ? null : engagement.getNumber(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.isSuspended(), kind);
    }

    private <T> T asUser(String userId, List<String> groups, Supplier<T> work) {
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}

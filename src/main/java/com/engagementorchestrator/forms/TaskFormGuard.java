package com.engagementorchestrator.forms;

import com.engagementorchestrator.security.AccessGroups;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one place that decides what a person may write into and read from a task, for every surface: the engine REST
 * API, Tasklist and our own API all go through the engine's TaskService and FormService, which consult this.
 * <ul>
 * <li>A submission carries only the fields of the task's form; read-only fields are dropped, anything else refuses
 * the whole submission. Record ids and due dates are never writable, whatever a form says.</li>
 * <li>Object values come only for list fields (checklists), never as arbitrary Java types.</li>
 * <li>Anyone but moderators and admins reads only the variables the task's form shows.</li>
 * </ul>
 * Calls without an authenticated user are the application itself and pass unchanged.
 */
public final class TaskFormGuard {

    /** Variables the processes set themselves; a person never writes them. */
    static final Pattern PROTECTED = Pattern.compile(".*(Id|DueAt)|dueAt|revisedThroughApi");

    private static final Set<String> STAFF = Set.of(AccessGroups.MODERATORS, AccessGroups.ADMINS);

    private TaskFormGuard() {
    }

    /**
     * The submission of a task (complete, submit-form, resolve) as it may be written, read-only fields dropped; or a
     * form validation error (400) naming what the form does not offer.
     */
    public static Map<String, Object> checkTaskSubmission(CommandExecutor executor, String taskId,
                                                          Map<String, ?> variables) {
        return check(executor, taskId, variables, true);
    }

    /** Setting a task's variables outside a submission: the same rule, refused as forbidden (403). */
    public static Map<String, Object> checkVariableWrite(CommandExecutor executor, String taskId,
                                                         Map<String, ?> variables) {
        return check(executor, taskId, variables, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(CommandExecutor executor, String taskId, Map<String, ?> variables,
                                             boolean submission) {
        return outcome(executor.execute(context -> {
            if (context.getAuthentication() == null) {
                return (Map<String, Object>) variables;
            }
            FormContract contract = taskContract(context, taskId);
            if (contract == null) {
                return new com.engagementorchestrator.common.NotFoundException("There is no task " + taskId
                        + ": it was completed already, or never existed.");
            }
            return variables == null || variables.isEmpty() ? (Map<String, Object>) variables
                    : admitted(contract, variables, "this task's form", submission);
        }));
    }

    /**
     * A refusal travels out of the engine command as a value and is thrown here: a user's mistake is not an engine
     * failure, so the command context does not log it as one.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcome(Object result) {
        if (result instanceof RuntimeException refusal) {
            throw refusal;
        }
        return (Map<String, Object>) result;
    }

    public static Map<String, Object> checkStartSubmission(CommandExecutor executor, String processDefinitionId,
                                                           Map<String, ?> variables) {
        return outcome(executor.execute(context -> {
            if (context.getAuthentication() == null || variables == null || variables.isEmpty()) {
                @SuppressWarnings("unchecked") Map<String, Object> unchanged = (Map<String, Object>) variables;
                return unchanged;
            }
            FormContract contract = context.runWithoutAuthorization(() -> {
                FormData form = new GetStartFormCmd(processDefinitionId).execute(context);
                return contract(context, form, new GetDeployedStartFormCmd(processDefinitionId));
            });
            return admitted(contract, variables, "this start form", true);
        }));
    }

    /** Removing variables is a write like any other: only the form's own fields. */
    public static void checkRemoval(CommandExecutor executor, String taskId, java.util.Collection<String> names) {
        Map<String, Object> asSubmission = new LinkedHashMap<>();
        names.forEach(name -> asSubmission.put(name, null));
        checkVariableWrite(executor, taskId, asSubmission);
    }

    /** BPMN errors and escalations from a task are for the staff; a client cannot steer the process around its task. */
    public static void checkStaffOnly(CommandExecutor executor, String action) {
        outcome(executor.execute(context -> {
            Authentication caller = context.getAuthentication();
            return caller != null && !isStaff(caller)
                    ? new AuthorizationException("Only moderators may " + action + ".") : null;
        }));
    }

    /** What the caller may see of the given variables of a task. */
    public static VariableMap readable(CommandExecutor executor, String taskId, VariableMap variables) {
        FormContract contract = readContract(executor, taskId);
        if (contract == null || variables == null) {
            return variables;
        }
        VariableMap shown = Variables.createVariables();
        for (String name : variables.keySet()) {
            if (contract.allowsReading(name)) {
                shown.putValueTyped(name, variables.getValueTyped(name));
            }
        }
        return shown;
    }

    public static boolean mayRead(CommandExecutor executor, String taskId, String name) {
        FormContract contract = readContract(executor, taskId);
        return contract == null || contract.allowsReading(name);
    }

    /** Null when the caller sees everything (the application itself, moderators, admins). */
    private static FormContract readContract(CommandExecutor executor, String taskId) {
        return executor.execute(context -> {
            Authentication caller = context.getAuthentication();
            if (caller == null || isStaff(caller)) {
                return null;
            }
            FormContract contract = taskContract(context, taskId);
            return contract == null ? FormContract.NONE : contract;
        });
    }

    private static boolean isStaff(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(STAFF::contains);
    }

    /** Null when there is no such task: the engine's own command then reports that. */
    private static FormContract taskContract(CommandContext context, String taskId) {
        return context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            if (task.getProcessDefinitionId() == null) {
                return FormContract.NONE;
            }
            return contract(context, new GetTaskFormCmd(taskId).execute(context), new GetDeployedTaskFormCmd(taskId));
        });
    }

    private static FormContract contract(CommandContext context, FormData form, AbstractGetDeployedFormCmd deployed) {
        if (form == null || (form.getFormKey() == null && form.getCamundaFormRef() == null)) {
            return FormContract.NONE;
        }
        try (InputStream content = deployed.execute(context)) {
            return FormContract.parse(new String(content.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admitted submission, or the exception that refuses it (returned, not thrown). */
    private static Object admitted(FormContract contract, Map<String, ?> variables, String where, boolean submission) {
        List<String> refused = new ArrayList<>();
        Set<String> wrongType = new TreeSet<>();
        // A VariableMap hands out serialized objects only typed; getValue() would try to deserialize them.
        VariableMap typed = variables instanceof VariableMap map ? map : null;
        VariableMap admitted = Variables.createVariables();
        for (String name : variables.keySet()) {
            Object value = typed != null ? typed.getValueTyped(name) : variables.get(name);
            if (name == null || PROTECTED.matcher(name).matches()) {
                refused.add(String.valueOf(name));
            } else if (contract.readonly().contains(name)) {
                continue; // shown to the person, never taken from them
            } else if (!contract.allowsWriting(name)) {
                refused.add(name);
            } else if (!plainValue(value) && !contract.multiValued().contains(name)) {
                wrongType.add(name);
            } else if (value instanceof TypedValue typedValue) {
                admitted.putValueTyped(name, typedValue);
            } else {
                admitted.put(name, value);
            }
        }
        if (!refused.isEmpty() || !wrongType.isEmpty()) {
            StringBuilder message = new StringBuilder(submission ? "Submission refused, nothing was changed."
                    : "Refused, nothing was changed.");
            if (!refused.isEmpty()) {
                message.append(" Not fields of ").append(where).append(": ")
                        .append(String.join(", ", new TreeSet<>(refused))).append('.');
            }
            if (!wrongType.isEmpty()) {
                message.append(" Objects are not accepted for: ").append(String.join(", ", wrongType))
                        .append(" (send text, numbers, dates, true/false or files).");
            }
            return submission ? new SubmissionRefusedException(message.toString())
                    : new AuthorizationException(message.toString());
        }
        return admitted;
    }

    /** Text, numbers, dates, booleans and files; objects (Java or JSON) only where the form has a list field. */
    private static boolean plainValue(Object value) {
        if (value instanceof FileValue) {
            return true;
        }
        if (value instanceof SerializableValue) {
            return false;
        }
        if (value instanceof TypedValue typed) {
            return typed.getType() == null || typed.getType().isPrimitiveValueType();
        }
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date;
    }
}

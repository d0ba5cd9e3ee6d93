package com.engagementorchestrator.common;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reads submitted task-form fields with clear errors for wrong values. */
public final class TaskForms {

    private TaskForms() {
    }

    public static boolean flag(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    public static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static <E extends Enum<E>> E choice(DelegateTask task, String name, Class<E> type) {
        String value = text(task, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "unknown value '" + value + "'");
        }
    }

    /** A non-negative whole number; empty means 0. */
    public static int count(DelegateTask task, String name, List<FieldProblem> problems) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return 0;
        }
        try {
            int count = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (count < 0) {
                problems.add(new FieldProblem(name, "must not be negative"));
            }
            return count;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "not a whole number: " + value));
            return 0;
        }
    }

    /** Who completes the task: the user logged into Tasklist, else the assignee. */
    public static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}

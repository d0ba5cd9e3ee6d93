package com.engagementorchestrator.common;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads submitted task-form fields with clear errors for wrong values. A form submits text, numbers or booleans as the
 * user typed them, so fields are read raw here and parsed; the overloads take the field's declaration in its process
 * facade, the String ones serve fields named at run time (one per brief item, one per protocol clause).
 */
public final class TaskForms {

    /**
     * Every process a task of an engagement runs in carries the engagement's id under this name (the facades declare it
     * for their process; the shared kernel knows no feature, so it declares its own).
     */
    private static final ProcessVariable<Long> ENGAGEMENT_ID = ProcessVariable.longVariable("engagementId", ProcessVariable.Scope.PROCESS);

    private TaskForms() {
    }

    public static boolean flag(DelegateTask task, ProcessVariable<?> field) {
        return flag(task, field.name());
    }

    public static String text(DelegateTask task, ProcessVariable<?> field) {
        return text(task, field.name());
    }

    public static <E extends Enum<E>> E choice(DelegateTask task, ProcessVariable<?> field, Class<E> type) {
        return choice(task, field.name(), type);
    }

    public static java.math.BigDecimal amount(DelegateTask task, ProcessVariable<?> field) {
        return amount(task, field.name());
    }

    public static int count(DelegateTask task, ProcessVariable<?> field, List<FieldProblem> problems) {
        return count(task, field.name(), problems);
    }

    /** See {@link #consume(DelegateTask, String...)}. */
    public static void consume(DelegateTask task, ProcessVariable<?>... fields) {
        for (ProcessVariable<?> field : fields) {
            task.removeVariable(field.name());
        }
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

    /** The largest amount a money column (numeric(14, 2)) holds. */
    public static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("999999999999.99");

    /** A money amount (number or text); empty means none. */
    public static java.math.BigDecimal amount(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            java.math.BigDecimal amount = new java.math.BigDecimal(value.toString().trim().replace(',', '.').replace(" ", ""));
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new InvalidInputException(name, "must be a positive amount with at most 2 decimals, got " + value);
            }
            if (amount.compareTo(MAX_AMOUNT) > 0) {
                throw new InvalidInputException(name, "amount out of range: at most " + MAX_AMOUNT.toPlainString());
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "not an amount: " + value);
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

    /**
     * Removes submitted form fields once they are recorded: the engine keeps submissions as process variables, and a
     * later round of the same form would otherwise see the old values (the history keeps them).
     */
    public static void consume(DelegateTask task, String... names) {
        for (String name : names) {
            task.removeVariable(name);
        }
    }

    /**
     * The record a task acts on belongs to the task's own engagement. A second line behind the engine's form guard,
     * which never lets a submission write a record id: a mismatch is refused and nothing is recorded.
     */
    public static void requireOwnEngagement(DelegateTask task, Long recordEngagementId, String record) {
        Long own = ENGAGEMENT_ID.get(task);
        if (own == null || recordEngagementId == null || own.longValue() != recordEngagementId) {
            throw new InvalidInputException(record, "does not belong to the engagement of this task");
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

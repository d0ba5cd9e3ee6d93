package com.engagementorchestrator.common;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One process variable, declared once in its process facade: its name (as the BPMN expressions, forms and DMN inputs
 * spell it), its Java type and its scope. Code reads and writes variables only through these declarations, so the
 * name is spelled once and every value is written as a typed value (never a Java-serialized object).
 *
 * <p>The model was holunda-io's camunda-bpm-data; it is written here because that library brings Kotlin 2 and
 * kotlin-reflect, which Spring Boot's dependency management pins to an older Kotlin, and because it leaves the scope
 * to each call instead of declaring it.
 *
 * @param <T> the Java type of the value
 */
public final class ProcessVariable<T> {

    /** Where the variable is written. Reads look from the given scope outwards, nearest first, as the engine does. */
    public enum Scope {
        /**
         * The process instance (or the outermost scope that already holds it): every element of the instance sees it,
         * and a value set from a task or a delegate outlives them.
         */
        PROCESS,
        /**
         * The scope it is written on: the task (fields a form shows), the activity (input parameters), an event
         * sub-process (so parallel ones keep their own value). Elements inside that scope see it, others don't.
         */
        LOCAL,
        /**
         * Task-local like {@link #LOCAL}, and only shown: read-only in the task's form (the form guard refuses it in a
         * submission), a copy of what the domain's tables hold for the person working on the task. The engine keeps no
         * history of it ({@link ShownVariables}).
         */
        SHOWN
    }

    /** The names declared {@link Scope#SHOWN} (filled as the facades declaring them are loaded, before any is set). */
    private static final Set<String> SHOWN_NAMES = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Class<T> type;
    private final Scope scope;
    private final Function<Object, T> read;
    private final Function<T, TypedValue> write;

    private ProcessVariable(String name, Class<T> type, Scope scope, Function<Object, T> read, Function<T, TypedValue> write) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.scope = Objects.requireNonNull(scope);
        this.read = read;
        this.write = write;
        if (scope == Scope.SHOWN) {
            SHOWN_NAMES.add(name);
        }
    }

    /** Whether a variable of this name, set on a task, is only shown there ({@link Scope#SHOWN}). */
    public static boolean isShown(String name) {
        return SHOWN_NAMES.contains(name);
    }

    /** An id or a count of 64 bits; a value stored as another number (a form, an older instance) reads as long. */
    public static ProcessVariable<Long> longVariable(String name, Scope scope) {
        return new ProcessVariable<>(name, Long.class, scope,
                value -> value instanceof Number number ? number.longValue() : fail(name, "a number", value),
                Variables::longValue);
    }

    public static ProcessVariable<Integer> integerVariable(String name, Scope scope) {
        return new ProcessVariable<>(name, Integer.class, scope,
                value -> value instanceof Number number ? number.intValue() : fail(name, "a number", value),
                Variables::integerValue);
    }

    public static ProcessVariable<String> stringVariable(String name, Scope scope) {
        return new ProcessVariable<>(name, String.class, scope, value -> value instanceof String s ? s : value.toString(),
                Variables::stringValue);
    }

    public static ProcessVariable<Boolean> booleanVariable(String name, Scope scope) {
        return new ProcessVariable<>(name, Boolean.class, scope,
                value -> value instanceof Boolean b ? b : value instanceof String s ? Boolean.valueOf(s) : fail(name, "a boolean", value),
                Variables::booleanValue);
    }

    /** A point in time; the engine's timers and the DMN compare java.util.Date. */
    public static ProcessVariable<Date> dateVariable(String name, Scope scope) {
        return new ProcessVariable<>(name, Date.class, scope,
                value -> value instanceof Date date ? date : fail(name, "a date", value),
                Variables::dateValue);
    }

    /** A file a form uploaded; read typed, so the content stays a stream until it is used. */
    public static ProcessVariable<FileValue> fileVariable(String name, Scope scope) {
        return new ProcessVariable<>(name, FileValue.class, scope,
                value -> value instanceof FileValue file ? file : fail(name, "a file", value), file -> file);
    }

    /** A list (a multi-instance collection, form-js options); stored as JSON, never Java-serialized. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E> ProcessVariable<List<E>> listVariable(String name, Scope scope) {
        Class<List<E>> type = (Class) List.class;
        return new ProcessVariable<>(name, type, scope,
                value -> value instanceof List<?> list ? (List<E>) list : fail(name, "a list", value),
                list -> Variables.objectValue(list).serializationDataFormat(SerializationDataFormats.JSON).create());
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public Scope scope() {
        return scope;
    }

    /** The value seen from the scope, or null when there is none. */
    public T get(VariableScope from) {
        return convert(from.getVariableTyped(name));
    }

    /** The value seen from the scope; a missing value is an error that names the variable. */
    public T required(VariableScope from) {
        return require(get(from));
    }

    /**
     * The stored value as the engine keeps it, for a field whose submitted shape varies (a checklist arrives as a JSON
     * array, a list or text): read serialized, no Java type is needed to deserialize it.
     */
    public TypedValue getTyped(VariableScope from, boolean deserialize) {
        return from.getVariableTyped(name, deserialize);
    }

    /** Writes the value where the declared scope says: the process instance, or the scope given (local or shown). */
    public void set(VariableScope on, T value) {
        if (scope != Scope.PROCESS) {
            on.setVariableLocal(name, typed(value));
        } else {
            on.setVariable(name, typed(value));
        }
    }

    /** Removes the value from the scope it is visible in (a consumed form field). */
    public void remove(VariableScope on) {
        if (scope != Scope.PROCESS) {
            on.removeVariableLocal(name);
        } else {
            on.removeVariable(name);
        }
    }

    /** The value seen from an execution (a process instance id is one), or null. */
    public T get(RuntimeService runtime, String executionId) {
        return convert(runtime.getVariableTyped(executionId, name));
    }

    public void set(RuntimeService runtime, String executionId, T value) {
        if (scope != Scope.PROCESS) {
            runtime.setVariableLocal(executionId, name, typed(value));
        } else {
            runtime.setVariable(executionId, name, typed(value));
        }
    }

    /** The value seen from a task (its own, else its execution's, outwards), or null. */
    public T get(TaskService tasks, String taskId) {
        return convert(tasks.getVariableTyped(taskId, name));
    }

    /** The value as the engine stores it. */
    public TypedValue typed(T value) {
        return value == null ? Variables.untypedNullValue() : write.apply(value);
    }

    /** Variables to start a process, correlate a message or complete a task with: {@code values().with(X, x)}. */
    public static Values values() {
        return new Values();
    }

    /** A variable map filled through declarations only; it is the engine's own map type. */
    public static final class Values extends VariableMapImpl {

        public <V> Values with(ProcessVariable<V> variable, V value) {
            putValueTyped(variable.name(), variable.typed(value));
            return this;
        }
    }

    private T convert(TypedValue typed) {
        if (typed == null) {
            return null;
        }
        if (type == FileValue.class) {
            return read.apply(typed);
        }
        Object value = typed.getValue();
        return value == null ? null : read.apply(value);
    }

    private T require(T value) {
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    private static <X> X fail(String name, String expected, Object value) {
        throw new IllegalStateException("Process variable '" + name + "' is not " + expected + ": " + value);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ", " + scope + ")";
    }
}

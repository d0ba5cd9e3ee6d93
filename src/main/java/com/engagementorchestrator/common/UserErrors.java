package com.engagementorchestrator.common;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Tells a user's mistake from a fault, wherever it is found: the engine wraps what a task listener throws
 * ("ENGINE-03051 ... Message: ..."), so the cause chain is searched. A refusal is answered 4xx and logged without a
 * stack trace; anything else stays a 500 and is logged in full.
 */
public final class UserErrors {

    /** How a mistake is answered: status, a type name, a message for people and the offending fields. */
    public record Refusal(int status, String type, String message, List<FieldProblem> fields) {
    }

    /**
     * Engine exceptions that only say the request makes no sense. The engine throws plain ProcessEngineExceptions for
     * them, so their message is all there is to tell them by.
     */
    private static final Map<String, String> ENGINE_REFUSALS = Map.of(
            "The task cannot be deleted because is part of a running process",
            "A task of a running process cannot be deleted; it ends when it is completed",
            "The task cannot be deleted because is part of a running case instance",
            "A task of a running case cannot be deleted; it ends when it is completed",
            "ENGINE-13042", "The process definition has no conditional start event",
            "ENGINE-13043", "No conditional start event matches the given variables");

    private UserErrors() {
    }

    public static Optional<Refusal> refusal(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
            Refusal refusal = ours(cause);
            if (refusal != null) {
                return Optional.of(refusal);
            }
        }
        if (thrown instanceof ProcessEngineException engine && engine.getMessage() != null) {
            for (Map.Entry<String, String> known : ENGINE_REFUSALS.entrySet()) {
                if (engine.getMessage().startsWith(known.getKey())) {
                    return Optional.of(new Refusal(400, "BadUserRequestException", known.getValue(), List.of()));
                }
            }
        }
        return Optional.empty();
    }

    /** A fault of the database (its error text names tables, statements and values): never quoted to a caller. */
    public static boolean isDatabaseFault(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException
                    || cause.getClass().getName().startsWith("org.apache.ibatis.")) {
                return true;
            }
        }
        return false;
    }

    private static Refusal ours(Throwable cause) {
        if (cause instanceof InvalidInputException invalid) {
            return new Refusal(400, "InvalidInputException", "Invalid input: " + invalid.getMessage(), invalid.problems());
        }
        if (cause instanceof ConflictException) {
            return new Refusal(409, "ConflictException", cause.getMessage(), List.of());
        }
        if (cause instanceof NotFoundException) {
            return new Refusal(404, "NotFoundException", cause.getMessage(), List.of());
        }
        if (cause instanceof PayloadTooLargeException) {
            return new Refusal(413, "PayloadTooLargeException", cause.getMessage(), List.of());
        }
        return null;
    }
}

package com.engagementorchestrator.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the ids a process carries, with an error that names the variable when it is missing. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static long requiredLong(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Process variable '" + name + "' is missing or not a number: " + value);
        }
        return number.longValue();
    }
}

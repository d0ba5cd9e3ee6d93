package com.engagementorchestrator.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** One reason a deployed resource is refused, with where it is (REST shows these under the resource's name). */
record Finding(String message, int line, int column, String mainElementId) implements Problem {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public String getMainElementId() {
        return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
        return mainElementId == null ? List.of() : List.of(mainElementId);
    }

    @Override
    public String toString() {
        return (mainElementId == null ? "" : mainElementId + ": ") + message
                + (line > 0 ? " (line " + line + ")" : "");
    }
}

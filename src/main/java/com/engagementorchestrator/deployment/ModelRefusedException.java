package com.engagementorchestrator.deployment;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link ModelCheck}. A ParseException, so the engine rolls the deployment back and the REST
 * API answers 400 with every reason under its resource's name, like the engine's own parse errors.
 */
class ModelRefusedException extends ParseException {

    ModelRefusedException(List<ResourceReport> reports) {
        super(message(reports), reports.get(0).getResourceName(), reports.get(0).getErrors(), List.of());
        resorceReports.clear();
        resorceReports.addAll(reports);
    }

    /** A person's mistake, not the server's: the engine logs it, and without a stack trace. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static String message(List<ResourceReport> reports) {
        return "The deployment was refused: " + reports.stream()
                .map(report -> report.getResourceName() + ": " + report.getErrors().stream().map(Object::toString)
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }
}

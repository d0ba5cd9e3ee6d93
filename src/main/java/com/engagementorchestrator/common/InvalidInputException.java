package com.engagementorchestrator.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a business rule. Answered as 400 over HTTP; thrown from a task listener it
 * stops the task completion and Tasklist shows the message to the user.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

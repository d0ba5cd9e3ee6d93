package com.engagementorchestrator.common;

import java.util.Date;
import java.util.List;

/**
 * The due dates of one process model, as its facade lists them. Each feature that owns a model declares one as a bean;
 * whoever moves deadlines (a blocked client let go on) takes them all, without knowing the features.
 */
public record DueDates(String processKey, List<ProcessVariable<Date>> variables) {

    public DueDates {
        variables = List.copyOf(variables);
    }
}

package com.engagementorchestrator.common;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;

/** Tells a delegate whether the job running it has retries left (failedJobRetryTimeCycle counts them down). */
public final class JobAttempts {

    private JobAttempts() {
    }

    public static boolean isLastAttempt(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .executionId(execution.getId()).activityId(execution.getCurrentActivityId()).singleResult();
        // Not run by a job (synchronous continuation): there is no retry to wait for.
        return job == null || job.getRetries() <= 1;
    }
}

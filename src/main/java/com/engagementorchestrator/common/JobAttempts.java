package com.engagementorchestrator.common;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** Tells a delegate whether the job running it has retries left (failedJobRetryTimeCycle counts them down). */
public final class JobAttempts {

    private JobAttempts() {
    }

    /**
     * The engine puts the running job on the command context both for the job executor and for
     * {@code ManagementService#executeJob}. Outside a job (synchronous continuation) there is no retry to wait for.
     */
    public static boolean isLastAttempt() {
        CommandContext context = Context.getCommandContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        return job == null || job.getRetries() <= 1;
    }
}

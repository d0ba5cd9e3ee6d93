package com.engagementorchestrator.support;

import com.engagementorchestrator.common.AfterRelease;
import com.engagementorchestrator.engagement.EngagementProcess;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' job executor. Production runs every job on the engine's job executor threads; the tests turn acquisition
 * off ({@code camunda.bpm.job-execution.enabled=false}) so that timers fire only when a test moves the engine clock and
 * executes them. Async continuations, though, must run as they do in production, or every test step that completes a
 * user task would have to run the job behind it. So this executor is active but acquires nothing: when a transaction
 * that created an async continuation has committed (the engine's {@code MessageAddedNotification} calls
 * {@link #jobWasAdded()}), and its thread has given back its connection ({@link AfterRelease}), it runs the due async
 * continuations on its own thread, through the engine's {@link ExecuteJobsRunnable} as the real job executor does, and
 * the committing thread waits for them. A failing job therefore fails as in production: the person's transaction
 * stands, the job's retries count down with the backoff of {@code failedJobRetryTimeCycle} (a retry is due later and
 * left to the test), and the last failure is an incident. Timers and other jobs stay with the tests.
 */
public class SynchronousJobExecutor extends JobExecutor {

    /**
     * Async continuations the tests run themselves, step by step ({@link Journeys#screenIntake} and the company
     * registry check after it): a test stubs the registry, or breaks the screening rules, between the registration and
     * these jobs, and proves their retries and incidents directly.
     */
    static final Set<String> RUN_BY_THE_TESTS = Set.of(EngagementProcess.Elements.SCREEN_INTAKE,
            EngagementProcess.Elements.CHECK_COMPANY_REGISTRY);

    private ExecutorService worker;
    private volatile Thread workerThread;

    public SynchronousJobExecutor() {
        name = "SynchronousJobExecutor";
    }

    @Override
    public synchronized void registerProcessEngine(ProcessEngineImpl processEngine) {
        super.registerProcessEngine(processEngine);
        start(); // active whatever jobExecutorActivate says: that only starts acquisition, which this executor has none of
    }

    @Override
    protected void startExecutingJobs() {
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "synchronous-job-executor");
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        });
    }

    @Override
    protected void stopExecutingJobs() {
        worker.shutdownNow();
    }

    @Override
    public void jobWasAdded() {
        if (!isActive || Thread.currentThread() == workerThread) {
            return; // on the worker, the running round looks for due jobs again before it ends
        }
        AfterRelease.afterCommitted("Running the new async continuations", this::runDueJobsAndWait);
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        new ExecuteJobsRunnable(jobIds, processEngine).run();
    }

    private void runDueJobsAndWait() {
        Future<?> round = worker.submit(this::runDueJobs);
        try {
            round.get(2, TimeUnit.MINUTES); // only a deadlock takes this long: fail loudly instead of hanging the build
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The async continuations did not finish: " + e.getCause(), e);
        }
    }

    /** Until none is left: each due async continuation once per round (a failed one is due again only later). */
    private void runDueJobs() {
        ProcessEngineImpl engine = processEngines.get(0);
        Set<String> done = new HashSet<>();
        List<String> due;
        while (!(due = dueAsyncContinuations(engine).stream().filter(done::add).toList()).isEmpty()) {
            executeJobs(due, engine);
        }
    }

    private static List<String> dueAsyncContinuations(ProcessEngineImpl engine) {
        ManagementService management = engine.getManagementService();
        Set<String> runByTheTests = management.createJobDefinitionQuery()
                .activityIdIn(RUN_BY_THE_TESTS.toArray(String[]::new)).list().stream()
                .map(JobDefinition::getId).collect(Collectors.toSet());
        return management.createJobQuery().messages().active().withRetriesLeft().list().stream()
                .map(JobEntity.class::cast)
                .filter(job -> AsyncContinuationJobHandler.TYPE.equals(job.getJobHandlerType()))
                // A first attempt has no due date; a retry's is the backoff's, which the test reaches with the clock.
                .filter(job -> job.getDuedate() == null && job.getLockOwner() == null)
                .filter(job -> !runByTheTests.contains(job.getJobDefinitionId()))
                .map(Job::getId).toList();
    }

    /** Puts the executor into every engine the tests' context builds. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Setup {

        @Bean
        AbstractProcessEnginePlugin synchronousJobExecutorPlugin() {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    configuration.setJobExecutor(new SynchronousJobExecutor());
                }
            };
        }
    }
}

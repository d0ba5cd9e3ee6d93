package com.engagementorchestrator.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's submission that collides with a job of the same instance is tried again instead of failing. The classic
 * case: a client completes a task the moment it appears, while the job that starts the task's reminder ladder adds its
 * executions to the same scope. The engine then reports an optimistic-locking conflict, or (when it deletes the scope
 * the job has just filled) a foreign-key violation it does not recognise as one, or the database a deadlock between the
 * two; either way its transaction rolled back
 * entirely, so running the same command again is safe. Only commands that open their own transaction are retried: one
 * inside a caller's transaction would leave that transaction half-done, so the caller sees the failure.
 *
 * <p>Every surface passes here (Tasklist and the engine REST API, the portal, our API, the payment webhook): it is the
 * engine's own command chain, ahead of its transaction.
 */
@Component
public class ConcurrentChangeRetryPlugin extends AbstractProcessEnginePlugin {

    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChangeRetryPlugin.class);
    /** What people (and the payment provider) do to a running instance; jobs have the job executor's own retries. */
    private static final Set<Class<?>> RETRIED = Set.of(SubmitTaskFormCmd.class, CompleteTaskCmd.class, CorrelateMessageCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new RetryInterceptor());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class RetryInterceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!RETRIED.contains(command.getClass()) || TransactionSynchronizationManager.isActualTransactionActive()) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (RuntimeException e) {
                    if (attempt >= ATTEMPTS || !isConcurrentChange(e)) {
                        throw e;
                    }
                    LOG.info("{} collided with a concurrent change (attempt {} of {}), trying again: {}",
                            command.getClass().getSimpleName(), attempt, ATTEMPTS, e.getMessage());
                    pause(attempt);
                }
            }
        }

        private static void pause(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A conflict with a concurrent change: answered as "try again" (409) when it still fails after the retries. */
    public static boolean isConcurrentChange(Throwable failure) {
        if (failure instanceof OptimisticLockingException) {
            return true;
        }
        if (!(failure instanceof ProcessEnginePersistenceException)) {
            return false;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    // A deadlock (the job deleting what the submission deletes, in the other order) rolled back
                    // just as completely: seen once in a lifecycle benchmark run, answered 500 to the client.
                    if (ExceptionUtil.checkForeignKeyConstraintViolation(next) || ExceptionUtil.checkDeadlockException(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

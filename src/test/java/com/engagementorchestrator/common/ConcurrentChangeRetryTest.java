package com.engagementorchestrator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's completion that collides with a concurrent change of the same instance is tried again (at most three
 * times); other failures, and commands inside a caller's transaction, are not. On an engine of its own (H2 in memory)
 * with the plugin, where an interceptor inside the engine's transaction plays the collision after the command's work.
 */
class ConcurrentChangeRetryTest {

    private static ProcessEngine engine;
    /** What the next completions fail with, after doing their work; empty: they go through. */
    private static final Deque<Supplier<RuntimeException>> FAILURES = new ArrayDeque<>();
    private static final AtomicInteger CALLS = new AtomicInteger();

    @BeforeAll
    static void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:concurrent-change-retry;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("concurrent-change-retry");
        configuration.setHistory("none");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new ConcurrentChangeRetryPlugin()));
        // Inside the engine's transaction, after the command did its work: the completion's flush failing as it would.
        configuration.setCustomPostCommandInterceptorsTxRequired(List.of(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                    CALLS.incrementAndGet();
                    Supplier<RuntimeException> failure = FAILURES.poll();
                    if (failure != null) {
                        throw failure.get();
                    }
                }
                return result;
            }
        }));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("retry.bpmn",
                Bpmn.createExecutableProcess("retry").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("DoItTask").endEvent().done()).deploy();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        FAILURES.clear();
        CALLS.set(0);
    }

    @Test
    void anOptimisticLockingConflictIsTriedAgainAndTheCompletionGoesThrough() {
        Task task = openTask();
        FAILURES.add(() -> new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed"));

        engine.getTaskService().complete(task.getId());

        assertThat(CALLS).hasValue(2);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count())
                .isZero();
    }

    /** The database's reports of a collision that rolled the submission back entirely: each is tried again. */
    static List<Arguments> collisionsTheDatabaseReports() {
        return List.of(
                Arguments.of("a foreign-key violation from deleting a scope a job just filled",
                        (Supplier<RuntimeException>) ConcurrentChangeRetryTest::scopeStillReferenced),
                Arguments.of("a deadlock with a job deleting the same executions",
                        (Supplier<RuntimeException>) ConcurrentChangeRetryTest::deadlock));
    }

    @ParameterizedTest(name = "{0} is tried again")
    @MethodSource("collisionsTheDatabaseReports")
    void aCollisionTheDatabaseReportsIsTriedAgain(String collision, Supplier<RuntimeException> failure) {
        Task task = openTask();
        FAILURES.add(failure);

        engine.getFormService().submitTaskForm(task.getId(), null);

        assertThat(CALLS).hasValue(2);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void afterThreeCollisionsThePersonSeesTheConflictAndTheTaskIsStillOpen() {
        Task task = openTask();
        for (int i = 0; i < 5; i++) {
            FAILURES.add(() -> new OptimisticLockingException("concurrent change"));
        }

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId())).isInstanceOf(OptimisticLockingException.class);

        assertThat(CALLS).hasValue(ConcurrentChangeRetryPlugin.ATTEMPTS);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        Task task = openTask();
        FAILURES.add(() -> new ProcessEngineException("the rule table is broken"));
        FAILURES.add(() -> new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
                new PersistenceException(new SQLException("value too long for type character varying(64)", "22001"))));

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId())).hasMessageContaining("rule table");
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId())).hasRootCauseMessage(
                "value too long for type character varying(64)");

        assertThat(CALLS).hasValue(2);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void insideACallersTransactionTheConflictGoesToTheCaller() {
        Task task = openTask();
        FAILURES.add(() -> new OptimisticLockingException("concurrent change"));
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(task.getId())).isInstanceOf(OptimisticLockingException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(CALLS).hasValue(1);
    }

    private static Task openTask() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("retry").getId();
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }

    /** What PostgreSQL reported when a payment order's submission and a job deleted the same executions (benchmark). */
    private static RuntimeException deadlock() {
        return flushFailure("Batch entry 0 delete from ACT_RU_EXECUTION where ID_ = ('x') was aborted: ERROR: deadlock"
                + " detected", new SQLException("ERROR: deadlock detected", "40P01"));
    }

    /** What PostgreSQL reported when a completion deleted a scope whose child execution a job had just committed. */
    private static RuntimeException scopeStillReferenced() {
        return flushFailure("Batch entry 3 delete from ACT_RU_EXECUTION where ID_ = ('x') was aborted",
                new SQLException("ERROR: update or delete on table \"act_ru_execution\" violates foreign key"
                        + " constraint \"act_fk_exe_parent\" on table \"act_ru_execution\"", "23503"));
    }

    /** The engine's failure when a batch flush was aborted, with the database's own error as the batch's next one. */
    private static RuntimeException flushFailure(String batchMessage, SQLException databaseError) {
        BatchUpdateException batch = new BatchUpdateException(batchMessage, new int[0]);
        batch.setNextException(databaseError);
        return new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
                new PersistenceException("Error flushing statements", batch));
    }
}

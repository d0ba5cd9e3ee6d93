package com.engagementorchestrator.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * An index on the jobs' due date (issue 13, item 3). Every poll of every node's job executor asks ACT_RU_JOB for jobs
 * due now; the engine ships no index on DUEDATE_, so with tens of thousands of reminder timers waiting (most of them
 * days ahead) each poll read the whole table (README, "Tuning"). Created once the engine has created or updated its
 * tables (after {@code schema-update}, still under the {@link StartupLock}), so not a Flyway migration: Flyway runs
 * before the engine's tables exist on a new database. Idempotent; PostgreSQL and H2 both know IF NOT EXISTS.
 */
@Component
public class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "act_idx_job_duedate";

    private final DataSource dataSource;

    public JobDueDateIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + NAME + " on act_ru_job (duedate_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The index " + NAME + " on ACT_RU_JOB could not be created", e);
        }
    }
}

package com.engagementorchestrator.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.TestInfrastructure;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, item 3: with many timers waiting, the job executor's acquisition query finds the few jobs due now through
 * the due-date index instead of reading every row (README, "Tuning"). Against a database of its own on the embedded
 * PostgreSQL, with the engine's ACT_RU_JOB columns that query reads.
 */
class JobDueDateIndexTest {

    /** Job.xml selectNextJobsToExecute as PostgreSQL receives it (no ordering, due date may be null). */
    private static final String ACQUISITION = "select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_"
            + " from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ is null or RES.DUEDATE_ <= localtimestamp )"
            + " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < localtimestamp) and RES.SUSPENSION_STATE_ = 1 and (("
            + " RES.EXCLUSIVE_ = true and not exists( select J2.ID_ from ACT_RU_JOB J2 where J2.PROCESS_INSTANCE_ID_ ="
            + " RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true) and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >="
            + " localtimestamp) ) ) or RES.EXCLUSIVE_ = false ) LIMIT 8 OFFSET 0";

    @Test
    void theAcquisitionQueryReadsTheJobsDueNowThroughTheIndexNotTheWholeTable() throws Exception {
        JdbcTemplate admin = new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase());
        String database = "job_due_date_index_" + System.nanoTime();
        admin.execute("create database " + database);
        try {
            DataSource dataSource = TestInfrastructure.postgres().getDatabase("postgres", database);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table act_ru_job (id_ varchar(64) primary key, rev_ integer, lock_exp_time_ timestamp,"
                    + " lock_owner_ varchar(255), exclusive_ boolean, process_instance_id_ varchar(64), retries_ integer,"
                    + " duedate_ timestamp, suspension_state_ integer not null default 1)");
            jdbc.execute("create index act_idx_job_procinst on act_ru_job (process_instance_id_)");
            // 20,000 timers waiting days ahead, 3 due now: the reminder ladders between two of their steps.
            jdbc.update("insert into act_ru_job (id_, rev_, exclusive_, process_instance_id_, retries_, duedate_) select 'j' || g,"
                    + " 1, true, 'p' || g, 3, localtimestamp + (case when g <= 3 then -1 else g end) * interval '1 minute'"
                    + " from generate_series(1, 20000) g");
            jdbc.execute("analyze act_ru_job");

            new JobDueDateIndex(dataSource).postProcessEngineBuild(null);
            new JobDueDateIndex(dataSource).postProcessEngineBuild(null); // a second node's start: nothing to do

            List<String> plan = jdbc.queryForList("explain (costs off) " + ACQUISITION, String.class);
            assertThat(String.join("\n", plan)).contains("act_idx_job_duedate").doesNotContain("Seq Scan on act_ru_job res");
            assertThat(jdbc.queryForList(ACQUISITION)).hasSize(3);
        } finally {
            admin.execute("drop database " + database + " with (force)");
        }
    }
}

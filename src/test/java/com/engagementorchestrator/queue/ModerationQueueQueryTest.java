package com.engagementorchestrator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.TestInfrastructure;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, item 3: a page of the moderators' queue is cut from the queue's own tasks; PostgreSQL cannot walk all open
 * tasks in creation order looking for it, which passes every older client's task first when the queue holds the newest
 * (README, "Benchmark"). Against a database of its own on the embedded PostgreSQL, with the engine's columns and
 * indexes the queries read.
 */
class ModerationQueueQueryTest {

    @Test
    void aPageIsCutFromTheQueueNotFromAWalkOverEveryOlderTask() throws Exception {
        JdbcTemplate admin = new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase());
        String database = "queue_link_index_" + System.nanoTime();
        admin.execute("create database " + database);
        try {
            DataSource dataSource = TestInfrastructure.postgres().getDatabase("postgres", database);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table act_ru_task (id_ varchar(64) primary key, name_ varchar(255), assignee_ varchar(255),"
                    + " create_time_ timestamp, suspension_state_ integer)");
            jdbc.execute("create index act_idx_task_create on act_ru_task (create_time_)");
            jdbc.execute("create table act_ru_identitylink (id_ varchar(64) primary key, group_id_ varchar(255),"
                    + " type_ varchar(255), user_id_ varchar(255), task_id_ varchar(64))");
            jdbc.execute("create index act_idx_ident_lnk_group on act_ru_identitylink (group_id_)");
            jdbc.execute("create index act_idx_tskass_task on act_ru_identitylink (task_id_)");
            // 20,000 clients' tasks waiting for weeks, then the moderators' 2,000, the newest (a tenth suspended).
            jdbc.update("insert into act_ru_task select 't' || g, 'Upload', 'client' || g, timestamp '2026-01-01' + g *"
                    + " interval '1 minute', 1 from generate_series(1, 20000) g");
            jdbc.update("insert into act_ru_task select 'm' || g, 'Review', null, timestamp '2026-03-01' + g *"
                    + " interval '1 minute', case when g % 10 = 0 then 2 else 1 end from generate_series(1, 2000) g");
            jdbc.update("insert into act_ru_identitylink select 'l' || g, 'moderators', 'candidate', null, 'm' || g"
                    + " from generate_series(1, 2000) g");
            jdbc.update("insert into act_ru_identitylink select 'f' || g, null, 'assignee', 'client' || g, 't' || g"
                    + " from generate_series(1, 20000) g");
            jdbc.execute("vacuum analyze");

            String page = sql(ModerationQueue.PAGE, 30, 15);
            String plan = String.join("\n", jdbc.queryForList("explain (costs off) " + page, String.class));
            assertThat(plan).as(plan).contains("CTE Scan on queued").doesNotContain("act_idx_task_create")
                    .doesNotContain("Seq Scan on act_ru_task");
            // The 31st to 45th active queued task, oldest first: m34 to m49, without the suspended m40.
            List<String> ids = jdbc.queryForList(page.replace("select RES.*", "select RES.ID_"), String.class);
            assertThat(ids).hasSize(15).first().isEqualTo("m34");
            assertThat(ids).doesNotContain("m40").allMatch(id -> id.startsWith("m"));
            assertThat(jdbc.queryForObject(sql(ModerationQueue.COUNT, 0, 0), Long.class)).isEqualTo(1800);
            String count = String.join("\n", jdbc.queryForList("explain (costs off) " + sql(ModerationQueue.COUNT, 0, 0),
                    String.class));
            assertThat(count).as(count).doesNotContain("Seq Scan on act_ru_task");
        } finally {
            admin.execute("drop database " + database + " with (force)");
        }
    }

    /** The query as MyBatis sends it, with the parameters in place. */
    private static String sql(String query, int first, int max) {
        return query.replace("#{group}", "'moderators'").replace("#{first}", Integer.toString(first))
                .replace("#{max}", Integer.toString(max));
    }
}

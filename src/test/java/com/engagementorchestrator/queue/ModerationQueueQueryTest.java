package com.engagementorchestrator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, item 3: a page of the moderators' queue walks the queue's own index in queue order and stops after the
 * page; the count reads only the queue's rows; neither reads the engine's table of all open tasks beyond the page's rows
 * (README, "Benchmark"). Against a database of its own on the embedded PostgreSQL, with the queue's table and indexes as
 * its migration creates them, and the engine's task columns the page reads.
 */
class ModerationQueueQueryTest {

    @Test
    void aPageStopsAfterThePageAndTheCountReadsOnlyTheQueuesIndex() throws Exception {
        JdbcTemplate admin = new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase());
        String database = "queue_index_" + System.nanoTime();
        admin.execute("create database " + database);
        try {
            DataSource dataSource = TestInfrastructure.postgres().getDatabase("postgres", database);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table act_ru_task (id_ varchar(64) primary key, name_ varchar(255), assignee_ varchar(255),"
                    + " create_time_ timestamp, suspension_state_ integer)");
            jdbc.execute(new String(getClass().getResourceAsStream("/db/migration/V22__moderation_queue.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
            // 100,000 clients' tasks waiting for weeks, then the moderators' 10,000, the newest (a tenth suspended).
            jdbc.update("insert into act_ru_task select 't' || g, 'Upload', 'client' || g, timestamp '2026-01-01' + g *"
                    + " interval '1 second', 1 from generate_series(1, 100000) g");
            jdbc.update("insert into act_ru_task select 'm' || g, 'Review', null, timestamp '2026-03-01' + g *"
                    + " interval '1 minute', case when g % 10 = 0 then 2 else 1 end from generate_series(1, 10000) g");
            jdbc.update("insert into " + ModerationQueueEntries.TABLE + " select id_, 'p' || id_, create_time_,"
                    + " suspension_state_ = 2 from act_ru_task where id_ like 'm%'");
            jdbc.execute("vacuum analyze");

            String page = sql(ModerationQueue.PAGE, 30, 15);
            String plan = String.join("\n", jdbc.queryForList("explain (analyze, costs off) " + page, String.class));
            assertThat(plan).as(plan).contains("moderation_queue_task_order").doesNotContain("Seq Scan")
                    .doesNotContain("Sort");
            // The 31st to 45th active queued task, oldest first: m34 to m49, without the suspended m40.
            List<String> ids = jdbc.queryForList(page.replace("select RES.*", "select RES.ID_"), String.class);
            assertThat(ids).hasSize(15).first().isEqualTo("m34");
            assertThat(ids).doesNotContain("m40").allMatch(id -> id.startsWith("m"));
            // The page's own rows only: 45 queue entries walked, 15 tasks read.
            assertThat(plan.lines().filter(line -> line.contains("moderation_queue_task_order")))
                    .as(plan).singleElement().asString().contains("rows=45 ");
            assertThat(jdbc.queryForObject(sql(ModerationQueue.COUNT, 0, 0), Long.class)).isEqualTo(9000);
            String count = String.join("\n", jdbc.queryForList("explain (costs off) " + sql(ModerationQueue.COUNT, 0, 0),
                    String.class));
            // The queue's own rows only (a scan of its table or of its index, as PostgreSQL prefers), no engine table.
            assertThat(count).as(count).contains("moderation_queue_task").doesNotContain("act_ru_task");
        } finally {
            admin.execute("drop database " + database + " with (force)");
        }
    }

    /** The query as MyBatis sends it, with the parameters in place. */
    private static String sql(String query, int first, int max) {
        return query.replace("#{first}", Integer.toString(first)).replace("#{max}", Integer.toString(max));
    }
}

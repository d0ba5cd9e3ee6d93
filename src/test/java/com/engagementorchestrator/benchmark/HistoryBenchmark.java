package com.engagementorchestrator.benchmark;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.EngagementOrchestratorApplication;
import com.engagementorchestrator.breach.BlockProcess;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import com.engagementorchestrator.support.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History size and cleanup throughput, run by hand (never part of verify):
 * {@code ./mvnw -Pbenchmark-history test-compile exec:java -Dbenchmark.engagements=50}.
 * Starts the app as the tests do (embedded PostgreSQL, GreenMail, WireMock; jobs run by this class with the engine
 * clock), drives N engagements declined by the rules and N accepted ones that miss their deposit, breach and are
 * terminated by a moderator, counts the ACT_HI_* and domain rows each kind leaves, then moves the engine clock past the
 * history time-to-live and runs the history cleanup job until it finds nothing more: rows removed per second.
 */
public final class HistoryBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("benchmark.engagements", 50);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EngagementOrchestratorApplication.class)
                .profiles("test").initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=warn");
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            ManagementService management = engine.getManagementService();
            RuntimeService runtime = engine.getRuntimeService();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Instant base = Instant.now();

            Map<String, Long> start = rows(jdbc);
            for (int i = 0; i < n; i++) {
                ClockUtil.setCurrentTime(Date.from(base));
                Journeys declined = new Journeys(app);
                RegistryStubs.company(declined.inn, "ACTIVE", 0, 0);
                ProcessInstance instance = declined.register(body -> {
                    body.put("desiredDeadline", LocalDate.now().plusDays(5).toString());
                    body.put("firstContactChannel", "VOICE_MESSAGE");
                    body.put("previousContractorsExperience", "They were all incompetent");
                });
                management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
                assertThatEngagement(instance).isEnded();
            }
            Map<String, Long> afterDeclined = rows(jdbc);
            long driveStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ClockUtil.setCurrentTime(Date.from(base));
                Journeys journeys = new Journeys(app);
                ProcessInstance instance = journeys.awaitingDeposit(body -> { });
                journeys.escalateToBreach(instance);
                ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                        .variableValueEquals(BlockProcess.Variables.CLIENT_USER_ID.name(), journeys.email).singleResult();
                complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "TERMINATE",
                        "decisionNotes", "No answer for a month"));
                assertThatEngagement(instance).isEnded();
            }
            double driveSeconds = (System.nanoTime() - driveStart) / 1e9;
            Map<String, Long> afterTerminated = rows(jdbc);
            long running = runtime.createProcessInstanceQuery().count();

            // Past every removal time: the longest journey ends about three weeks after base, the TTL is P1095D.
            int ttlDays = 1095;
            ClockUtil.setCurrentTime(Date.from(base.plus(Duration.ofDays(ttlDays + 60))));
            long hiBefore = sum(afterTerminated, "act_hi_") + afterTerminated.getOrDefault("act_ge_bytearray", 0L);
            engine.getHistoryService().cleanUpHistoryAsync(true);
            int executions = 0;
            long cleanupNanos = 0;
            long previous = hiBefore;
            // Until an execution removes nothing (each one adds its own job log rows, kept historyCleanupJobLogTimeToLive).
            while (executions < 100_000) {
                for (Job job : engine.getHistoryService().findHistoryCleanupJobs()) {
                    long t0 = System.nanoTime();
                    management.executeJob(job.getId());
                    cleanupNanos += System.nanoTime() - t0;
                    executions++;
                }
                long left = historyRows(jdbc);
                if (left >= previous) {
                    break;
                }
                previous = left;
            }
            Map<String, Long> afterCleanup = rows(jdbc);
            long removed = hiBefore - previous;
            double cleanupSeconds = cleanupNanos / 1e9;
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

            StringBuilder report = new StringBuilder("\n===== History benchmark =====\n");
            report.append(String.format("engagements:     N=%d declined by the rules, N=%d accepted -> deposit overdue -> breach -> "
                    + "terminated (%.1f s to drive them, %d process instances still running)%n", n, n, driveSeconds, running));
            report.append(String.format("%-32s %12s %14s%n", "rows per engagement", "declined", "terminated"));
            Map<String, Long> declinedRows = delta(start, afterDeclined);
            Map<String, Long> terminatedRows = delta(afterDeclined, afterTerminated);
            TreeMap<String, Long> tables = new TreeMap<>(terminatedRows);
            declinedRows.forEach(tables::putIfAbsent);
            for (String table : tables.keySet()) {
                long d = declinedRows.getOrDefault(table, 0L);
                long t = terminatedRows.getOrDefault(table, 0L);
                if (d != 0 || t != 0) {
                    report.append(String.format("  %-30s %12.1f %14.1f%n", table, d / (double) n, t / (double) n));
                }
            }
            report.append(String.format("  %-30s %12.1f %14.1f%n", "= ACT_HI_* + ACT_GE_BYTEARRAY",
                    (sum(declinedRows, "act_hi_") + declinedRows.getOrDefault("act_ge_bytearray", 0L)) / (double) n,
                    (sum(terminatedRows, "act_hi_") + terminatedRows.getOrDefault("act_ge_bytearray", 0L)) / (double) n));
            report.append(String.format("  %-30s %12.1f %14.1f%n", "= domain tables (kept)",
                    domain(declinedRows) / (double) n, domain(terminatedRows) / (double) n));
            report.append(String.format("cleanup:         batch size %d, %d executions of the cleanup job, %.2f s in them%n",
                    configuration.getHistoryCleanupBatchSize(), executions, cleanupSeconds));
            report.append(String.format("removed:         %d rows of ACT_HI_* and ACT_GE_BYTEARRAY (%d left: running "
                    + "instances, engine-wide records, the cleanup's own job log)%n", removed, previous));
            report.append(String.format("throughput:      %.0f rows removed per second (one cleanup job, embedded PostgreSQL)%n",
                    removed / cleanupSeconds));
            report.append("left after cleanup (ACT_HI_*):");
            afterCleanup.forEach((table, count) -> {
                if (table.startsWith("act_hi_") && count > 0) {
                    report.append(' ').append(table).append('=').append(count);
                }
            });
            report.append("\n=============================\n");
            System.out.print(report);
        } finally {
            ClockUtil.reset();
            app.close();
        }
        System.exit(0);
    }

    private static Map<String, Long> rows(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE'", String.class)) {
            String name = table.toLowerCase();
            if (name.startsWith("act_hi_") || name.equals("act_ge_bytearray") || !name.startsWith("act_")) {
                counts.put(name, jdbc.queryForObject("select count(*) from " + table, Long.class));
            }
        }
        return counts;
    }

    private static long historyRows(JdbcTemplate jdbc) {
        Map<String, Long> rows = rows(jdbc);
        return sum(rows, "act_hi_") + rows.getOrDefault("act_ge_bytearray", 0L);
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((table, count) -> delta.put(table, count - before.getOrDefault(table, 0L)));
        return delta;
    }

    private static long sum(Map<String, Long> rows, String prefix) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    private static long domain(Map<String, Long> rows) {
        return rows.entrySet().stream().filter(e -> !e.getKey().startsWith("act_") && !e.getKey().equals("domain_schema_history"))
                .mapToLong(Map.Entry::getValue).sum();
    }

}

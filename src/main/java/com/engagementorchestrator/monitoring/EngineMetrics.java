package com.engagementorchestrator.monitoring;

import com.engagementorchestrator.common.BoundedProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job executor and incident gauges read from the engine (Camunda 7 has no Micrometer binder): open incidents by type and
 * process ({@code camunda_incidents_open}), jobs by state ({@code camunda_jobs}) and the age of these figures
 * ({@code camunda_engine_metrics_age_seconds}). A scrape reads a snapshot at most {@code engagement.metrics.engine-refresh}
 * old; a refresh runs on a thread of its own and a scrape waits for it at most {@code engagement.metrics.engine-timeout},
 * so a hanging database never hangs a scrape: the figures go stale and their age grows instead.
 */
@Component
public class EngineMetrics implements DisposableBean {

    public static final String INCIDENTS = "camunda.incidents.open";
    public static final String JOBS = "camunda.jobs";
    public static final String AGE = "camunda.engine.metrics.age";
    /** The engine's own incident types; a custom type is counted as well once it appears. */
    static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);
    static final List<String> JOB_STATES = List.of("executable", "retrying", "failed", "acquired", "suspended");

    private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final MeterRegistry registry;
    private final Duration refreshAfter;
    private final BoundedProbe probe;
    private final Set<Key> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), null);
    private Instant lastAttempt;

    record Key(String type, String process) {
    }

    record Snapshot(Map<Key, Long> incidents, Map<String, Long> jobs, Instant takenAt) {
    }

    public EngineMetrics(RuntimeService runtime, ManagementService management, RepositoryService repository,
                         MeterRegistry registry,
                         @Value("${engagement.metrics.engine-refresh:PT10S}") Duration refreshAfter,
                         @Value("${engagement.metrics.engine-timeout:PT2S}") Duration timeout) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.registry = registry;
        this.refreshAfter = refreshAfter;
        this.probe = new BoundedProbe("engine-metrics", timeout);
        for (String state : JOB_STATES) {
            Gauge.builder(JOBS, this, m -> m.current().jobs().getOrDefault(state, 0L))
                    .description("Jobs of the engine by state: executable now, failed with retries left, failed with "
                            + "none (an incident), acquired (locked) by a job executor, suspended")
                    .tag("state", state).register(registry);
        }
        Gauge.builder(AGE, this, m -> {
            Instant taken = m.current().takenAt();
            return taken == null ? Double.NaN : Duration.between(taken, Instant.now()).toMillis() / 1000.0;
        }).description("Age of the engine figures; grows while the engine's database does not answer").baseUnit("seconds")
                .register(registry);
    }

    /**
     * The snapshot, refreshed first when the last attempt is older than the refresh interval. One attempt per interval
     * at most, so a scrape of all the gauges waits for a hanging database once, for the timeout, not once per gauge.
     */
    synchronized Snapshot current() {
        Instant now = Instant.now();
        if (lastAttempt == null || lastAttempt.plus(refreshAfter).isBefore(now)) {
            lastAttempt = now;
            try {
                snapshot = probe.call(this::read);
                registerNewIncidentKeys(snapshot);
            } catch (TimeoutException e) {
                LOG.warn("Engine metrics not refreshed within {}: the last figures stay", probe.timeout());
            } catch (Exception e) {
                LOG.warn("Engine metrics not refreshed: {}", e.toString());
            }
        }
        return snapshot;
    }

    private Snapshot read() {
        Set<String> processes = new LinkedHashSet<>();
        // One row per process key (the latest version of each): a bounded page, there are a handful of processes.
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().listPage(0, 500)) {
            processes.add(definition.getKey());
        }
        Map<Key, Long> incidents = new HashMap<>();
        Set<String> types = new LinkedHashSet<>(INCIDENT_TYPES);
        registered.forEach(k -> types.add(k.type()));
        for (String type : types) {
            for (String process : processes) {
                incidents.put(new Key(type, process),
                        runtime.createIncidentQuery().incidentType(type).processDefinitionKeyIn(process).count());
            }
        }
        Map<String, Long> jobs = new HashMap<>();
        jobs.put("executable", management.createJobQuery().executable().count());
        jobs.put("retrying", management.createJobQuery().withException().withRetriesLeft().count());
        jobs.put("failed", management.createJobQuery().noRetriesLeft().count());
        jobs.put("acquired", management.createJobQuery().acquired().count());
        jobs.put("suspended", management.createJobQuery().suspended().count());
        return new Snapshot(incidents, jobs, Instant.now());
    }

    private void registerNewIncidentKeys(Snapshot now) {
        for (Key key : now.incidents().keySet()) {
            if (registered.add(key)) {
                Gauge.builder(INCIDENTS, this, m -> m.current().incidents().getOrDefault(key, 0L))
                        .description("Open incidents by type and process (a job that failed with no retries left, ...)")
                        .tag("type", key.type()).tag("process", key.process()).register(registry);
            }
        }
    }

    /** Registers the incident gauges of the processes deployed at start (later ones on the first refresh after). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void registerAtStart() {
        current();
    }

    @Override
    public void destroy() {
        probe.stop();
    }
}

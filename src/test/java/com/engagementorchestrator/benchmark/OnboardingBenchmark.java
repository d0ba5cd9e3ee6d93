package com.engagementorchestrator.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.engagementorchestrator.EngagementOrchestratorApplication;
import com.engagementorchestrator.screening.ScreeningProcess;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Onboarding throughput, run by hand (never part of verify):
 * {@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.registrations=1000 -Dbenchmark.concurrency=8}.
 * Starts the app on embedded PostgreSQL with the job executor on and a registry (WireMock) that finds every company
 * active, registers N clients over HTTP with C callers, waits until every screening reached the client's upload task,
 * then starts N instances of a bare BPMN of the same shape (two transactions, one wait state) over the same HTTP stack
 * (the engine REST API, Basic auth, the same security filters) as the baseline. Figures go to stdout.
 */
public final class OnboardingBenchmark {

    private static final String BASELINE_KEY = "BenchmarkBaseline";

    public static void main(String[] args) throws Exception {
        int registrations = Integer.getInteger("benchmark.registrations", 1000);
        int concurrency = Integer.getInteger("benchmark.concurrency", 8);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        WireMockServer registry = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        registry.start();
        registry.stubFor(post(urlEqualTo(RegistryStubs.PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"suggestions\": [{\"value\": \"Bench LLC\", \"data\": {\"state\": {\"status\": \"ACTIVE\"},"
                        + " \"court_cases\": {\"debt_collection\": 0, \"bankruptcy\": 0}}}]}")));

        ConfigurableApplicationContext app = new SpringApplicationBuilder(EngagementOrchestratorApplication.class)
                .profiles("benchmark")
                // Command-line arguments outrank application.yaml (builder "properties" would not).
                .run("--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--camunda.bpm.admin-user.id=bench",
                        "--camunda.bpm.admin-user.password=bench-password",
                        "--engagement.company-registry.base-url=" + registry.baseUrl(),
                        "--engagement.company-registry.token=bench",
                        "--logging.level.root=warn",
                        // The load generator is one address; the per-address limits would stop it at once.
                        "--engagement.rate-limits.exempt-addresses=127.0.0.1,0:0:0:0:0:0:0:1",
                        "--camunda.bpm.history-level=" + System.getProperty("benchmark.history-level", "full"));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI endpoint = URI.create("http://localhost:" + port + "/api/registrations");
            AtomicInteger failures = new AtomicInteger();

            Run onboarding = run(registrations, concurrency, i -> {
                Map<String, Object> body = Intakes.clean("bench-" + i + "-" + System.nanoTime() + "@example.com");
                body.put("registrationNumber", Intakes.randomInn());
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201 && failures.incrementAndGet() <= 5) {
                        System.out.println("registration failed: " + response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }, settled(engine, ScreeningProcess.KEY, ScreeningProcess.Elements.REVIEW_SCREENING, registrations));
            long heapUsed = heapUsedMb();

            engine.getRepositoryService().createDeployment().name("benchmark-baseline")
                    .addModelInstance("benchmark-baseline.bpmn", baseline()).deploy();
            // The baseline comes over the same HTTP stack and security filters as a registration (Basic auth as the
            // admin user, Camunda's REST API), so the ratio counts only our own work.
            URI start = URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/" + BASELINE_KEY + "/start");
            String basic = "Basic " + Base64.getEncoder().encodeToString("bench:bench-password".getBytes(StandardCharsets.UTF_8));
            AtomicInteger bareFailures = new AtomicInteger();
            Run bare = run(registrations, concurrency, i -> {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(start)
                            .header("Content-Type", "application/json").header("Authorization", basic)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\": \"bare-" + i + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 && bareFailures.incrementAndGet() <= 5) {
                        System.out.println("baseline start failed: " + response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    bareFailures.incrementAndGet();
                }
            }, settled(engine, BASELINE_KEY, "BaselineWaitTask", registrations));

            System.out.printf("""

                    ===== Onboarding benchmark =====
                    registrations:          N=%d, C=%d concurrent callers, failures=%d
                    throughput:             %.1f registrations/s
                    latency p50/p95/p99:    %.1f / %.1f / %.1f ms (POST /api/registrations)
                    all screenings settled: %.1f s after the first request (%s)
                    heap used after GC:     %d MB (app and load generator in one JVM)
                    bare-process baseline:  %.1f starts/s, p50/p95/p99 %.1f / %.1f / %.1f ms, settled %.1f s (%s), failures=%d
                                            (POST /engine-rest/process-definition/key/%s/start)
                    ratio to baseline:      throughput %.2f (target >= 0.5), p99 %.2f (target <= 3), settle time %.2f
                    ================================
                    """,
                    registrations, concurrency, failures.get(),
                    onboarding.throughput(), onboarding.percentile(50), onboarding.percentile(95), onboarding.percentile(99),
                    onboarding.settledSeconds(), onboarding.settled() ? "all settled" : "TIMED OUT",
                    heapUsed,
                    bare.throughput(), bare.percentile(50), bare.percentile(95), bare.percentile(99), bare.settledSeconds(),
                    bare.settled() ? "all settled" : "TIMED OUT", bareFailures.get(), BASELINE_KEY,
                    onboarding.throughput() / bare.throughput(), onboarding.percentile(99) / bare.percentile(99),
                    onboarding.settledSeconds() / bare.settledSeconds());
        } finally {
            app.close();
            registry.stop();
            postgres.close();
        }
        System.exit(0);
    }

    /** Same shape as a registration: a synchronous step, an async continuation, a step, then a wait state. */
    private static BpmnModelInstance baseline() {
        // Startable by hand: the engine REST API refuses starts of the application's internal processes.
        return Bpmn.createExecutableProcess(BASELINE_KEY).camundaHistoryTimeToLive(1).camundaStartableInTasklist(true)
                .startEvent("BaselineStartEvent")
                .serviceTask("BaselineFirstTask").camundaExpression("${true}")
                .serviceTask("BaselineAsyncTask").camundaExpression("${true}").camundaAsyncBefore()
                .serviceTask("BaselineScoreTask").camundaExpression("${true}")
                .userTask("BaselineWaitTask")
                .endEvent("BaselineEndEvent")
                .done();
    }

    record Run(List<Long> latenciesNanos, double throughput, double settledSeconds, boolean settled) {
        double percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.size()) - 1;
            return latenciesNanos.get(Math.max(0, index)) / 1_000_000.0;
        }
    }

    private static Run run(int count, int concurrency, IntConsumer call, LongSupplier awaitSettled) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            workers.add(callers.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    call.accept(i);
                    latencies.add(System.nanoTime() - t0);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        callers.shutdown();
        long settledAt = awaitSettled.getAsLong();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(sorted, count / elapsed, settledAt < 0 ? Double.NaN : (settledAt - start) / 1e9, settledAt >= 0);
    }

    /** Polls until no async job of the process is left and every instance waits at the given task; -1 on timeout. */
    private static LongSupplier settled(ProcessEngine engine, String processKey, String waitTask, int expected) {
        ManagementService management = engine.getManagementService();
        TaskService tasks = engine.getTaskService();
        return () -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                long jobs = management.createJobQuery().processDefinitionKey(processKey).messages().count();
                long waiting = tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(waitTask).count();
                if (jobs == 0 && waiting >= expected) {
                    return System.nanoTime();
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return -1;
        };
    }

    private static long heapUsedMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private OnboardingBenchmark() {
    }
}

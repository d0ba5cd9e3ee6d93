package com.engagementorchestrator.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.engagementorchestrator.EngagementOrchestratorApplication;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.PortalClient;
import com.engagementorchestrator.support.RegistryStubs;
import com.engagementorchestrator.support.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole lifecycle, run by hand (never part of verify):
 * {@code ./mvnw -Pbenchmark-lifecycle test-compile exec:java -Dbenchmark.engagements=100 -Dbenchmark.concurrency=8}.
 * Starts the app as the tests do (embedded PostgreSQL, GreenMail, WireMock as a registry that finds every company
 * active), with the job executor on and the real HTTP stack and security. C callers each walk one engagement at a time
 * from registration to COMPLETED as its people would: the client registers ({@code POST /api/registrations}) and does
 * their tasks through the portal API ({@code /api/portal/tasks/{id}/submit}: authority document, payment orders, the
 * brief's answers) and waits for the end in the portal's list of their engagements, the moderator and the freelancer
 * do theirs over {@code /engine-rest} (submit-form). Each party polls for its next task as a client of the API would
 * (every 50 ms).
 * <p>
 * The baseline is a bare BPMN deployed by this class with the same wait states and transactions (see
 * {@link #baseline()}): a start over {@code /engine-rest}, ours' fifteen asynchronous continuations in the same places,
 * the same eleven user tasks with the same forms (so the same form guard runs), a timer beside each of the client's
 * tasks and the delivery, ours' nine message and signal waits. It is walked by the same callers through the same HTTP
 * stack and filters; its client tasks go over {@code /engine-rest} as the moderator (the portal serves only
 * engagements), with the same files and fields. Figures go to stdout: engagements/s, p50/p99 per engagement and per
 * step, the cost ratio ours/bare, the CPU time and the jobs per engagement (so the transactions can be compared) and
 * the rows written per engagement (pg_stat_user_tables).
 * <p>
 * Both walks are warmed up first ({@code -Dbenchmark.warmup}, default 20 engagements each, unmeasured), then measured
 * in turns ({@code -Dbenchmark.rounds}, default 2: ours, bare, ours, bare), as A/B benchmarks are, so that neither
 * side's figures carry the JIT's first compilations or the drift of a long run.
 */
public final class LifecycleBenchmark {

    static final String BARE_KEY = "LifecycleBaseline";
    static final String MODERATOR = "moderator";
    static final String FREELANCER = "freelancer";
    static final String ADMIN = "demo";
    static final String CLIENT_PASSWORD = "correct-horse-battery";
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    /** The steps in the order they happen; "register" is the start, "completed" the wait for the end. */
    static final List<String> STEPS = List.of("register",
            EngagementProcess.Elements.REVIEW_SCREENING, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY,
            EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, EngagementProcess.Elements.PAY_DEPOSIT,
            "ReviewPaymentOrderTask", EngagementProcess.Elements.PREPARE_BRIEF, EngagementProcess.Elements.PROVIDE_MATERIALS,
            EngagementProcess.Elements.REVIEW_MATERIALS, EngagementProcess.Elements.WORK_DELIVERED, "PayFinalInvoiceTask",
            "ReviewFinalPaymentOrderTask", "completed");

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("benchmark.engagements", 50);
        int concurrency = Integer.getInteger("benchmark.concurrency", 4);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EngagementOrchestratorApplication.class)
                .profiles("test").initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=warn",
                        // The tests run jobs by hand; here the job executor does, as in production.
                        "--camunda.bpm.job-execution.enabled=true");
        try {
            TestInfrastructure.registry().stubFor(post(urlEqualTo(RegistryStubs.PATH)).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"suggestions\": [{\"value\": \"Bench LLC\", \"data\": {\"state\": {\"status\": \"ACTIVE\"},"
                            + " \"court_cases\": {\"debt_collection\": 0, \"bankruptcy\": 0}}}]}")));
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ObjectMapper json = app.getBean(ObjectMapper.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            var deployment = app.getBean(org.camunda.bpm.engine.ProcessEngine.class).getRepositoryService().createDeployment()
                    .name("lifecycle-baseline").addModelInstance("lifecycle-baseline.bpmn", baseline());
            for (String form : List.of("prove-signing-authority.html", "pay-deposit.html", "provide-materials.html")) {
                try (InputStream content = LifecycleBenchmark.class.getClassLoader().getResourceAsStream("forms/" + form)) {
                    deployment.addString("forms/" + form, new String(content.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            deployment.deploy();

            Walker walker = new Walker(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), json, port);
            // Unmeasured warm-up of both walks at the same concurrency (the JIT, the caches, the connection pool), so
            // that neither measured run pays for compiling code. With one engagement each, the JIT compilers still took
            // a quarter of the machine during ours' run (JFR), and the shared code was compiled by the time bare ran.
            int warmup = Integer.getInteger("benchmark.warmup", 20);
            walker.ours(-1, new Timings());
            walker.bare(-1, new Timings());
            System.out.println("warm-up: " + warmup + " engagements of each from " + java.time.LocalTime.now());
            run(warmup, concurrency, walker::ours);
            run(warmup, concurrency, walker::bare);

            // Ours and bare take turns (benchmark.rounds, default 2: ours, bare, ours, bare, N/rounds engagements each),
            // so that what drifts during the runs (the JIT, the database's size, the machine) falls on both alike.
            int rounds = Math.max(1, Integer.getInteger("benchmark.rounds", 2));
            Result ours = null;
            Result bare = null;
            Map<String, Long> ourRows = new TreeMap<>();
            Map<String, Long> bareRows = new TreeMap<>();
            Map<String, Long> rowsBefore = writes(jdbc);
            for (int round = 0; round < rounds; round++) {
                int share = n / rounds + (round < n % rounds ? 1 : 0);
                for (boolean isOurs : List.of(true, false)) {
                    String side = isOurs ? "ours" : "bare";
                    Map<String, Long> cpuBefore = cpu();
                    System.out.println(side + " from " + java.time.LocalTime.now());
                    Result result = run(share, concurrency, isOurs ? walker::ours : walker::bare);
                    System.out.println(side + " until " + java.time.LocalTime.now());
                    Map<String, Long> cpuAfter = cpu();
                    Map<String, Long> rowsAfter = writes(jdbc);
                    Map<String, Long> sums = isOurs ? ourRows : bareRows;
                    delta(rowsBefore, rowsAfter).forEach((key, count) -> sums.merge(key, count, Long::sum));
                    delta(cpuBefore, cpuAfter).forEach((key, count) -> sums.merge(key, count, Long::sum));
                    rowsBefore = rowsAfter;
                    if (isOurs) {
                        ours = ours == null ? result : ours.and(result);
                    } else {
                        bare = bare == null ? result : bare.and(result);
                    }
                }
            }

            System.out.print(report(n, concurrency, rounds, ours, bare, ourRows, bareRows));
        } finally {
            app.close();
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ the walks

    interface Walk {
        void walk(int i, Timings timings) throws Exception;
    }

    /** Per-step latencies of one engagement: from the end of the step before to the end of this one. */
    static final class Timings {
        final Map<String, Long> steps = new LinkedHashMap<>();
        long start = System.nanoTime();
        long mark = start;

        void step(String name) {
            long now = System.nanoTime();
            steps.put(name, now - mark);
            mark = now;
        }

        long total() {
            return mark - start;
        }
    }

    static final class Walker {
        final HttpClient http;
        final ObjectMapper json;
        final int port;

        Walker(HttpClient http, ObjectMapper json, int port) {
            this.http = http;
            this.json = json;
            this.port = port;
        }

        /** One engagement, registration to COMPLETED, as its client, moderator and freelancer do it. */
        void ours(int i, Timings t) throws Exception {
            String email = Intakes.uniqueEmail("lifecycle");
            Map<String, Object> intake = Intakes.clean(email);
            intake.put("registrationNumber", Intakes.randomInn());
            HttpResponse<String> registered = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/api/registrations"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(intake))).build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(registered, 201, "registration");
            String number = json.readTree(registered.body()).path("engagementNumber").asText();
            t.step("register");
            PortalClient client = new PortalClient(http, json, port, email, CLIENT_PASSWORD);

            staff(MODERATOR, number, EngagementProcess.Elements.REVIEW_SCREENING, Map.of("reviewDecision", value("ACCEPT"),
                    "preferredContactChannel", value("EMAIL"), "reportEveryDays", Map.of("value", 7, "type", "Long"),
                    "callNotes", value("Clear goal, named everyone")));
            t.step(EngagementProcess.Elements.REVIEW_SCREENING);
            String prove = clientTask(client, number, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
            expect(client.upload(prove, Map.of("authorityDocument", Journeys.PDF)), 204, "authority upload");
            t.step(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
            staff(MODERATOR, number, EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY,
                    Map.of("authorityDecision", value("ACCEPTED")));
            t.step(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY);
            pay(client, number, EngagementProcess.Elements.PAY_DEPOSIT);
            t.step(EngagementProcess.Elements.PAY_DEPOSIT);
            staff(MODERATOR, number, "ReviewPaymentOrderTask", Map.of("paymentOrderDecision", value("CONFIRMED")));
            t.step("ReviewPaymentOrderTask");
            staff(MODERATOR, number, EngagementProcess.Elements.PREPARE_BRIEF, Map.of("briefItems",
                    value("ANSWER | Who are your customers | " + LocalDate.now().plusDays(3))));
            t.step(EngagementProcess.Elements.PREPARE_BRIEF);
            String provide = clientTask(client, number, EngagementProcess.Elements.PROVIDE_MATERIALS);
            Map<String, Object> answers = new LinkedHashMap<>();
            for (JsonNode item : get("/api/engagements/" + number, email, CLIENT_PASSWORD).path("brief").path("items")) {
                answers.put("answer_" + item.path("id").asLong(), "Small shops");
            }
            expect(client.upload(provide, answers), 204, "materials");
            t.step(EngagementProcess.Elements.PROVIDE_MATERIALS);
            staff(MODERATOR, number, EngagementProcess.Elements.REVIEW_MATERIALS, Map.of("reviewNotes", value("All there")));
            t.step(EngagementProcess.Elements.REVIEW_MATERIALS);
            staff(FREELANCER, number, EngagementProcess.Elements.WORK_DELIVERED, Map.of("deliveredWork",
                    value("The website, live")));
            t.step(EngagementProcess.Elements.WORK_DELIVERED);
            // The final invoice is paid in the same collect-payment tasks as the deposit; the step keeps its own name.
            pay(client, number, EngagementProcess.Elements.PAY_FINAL_INVOICE);
            t.step("PayFinalInvoiceTask");
            staff(MODERATOR, number, EngagementProcess.Elements.REVIEW_PAYMENT_ORDER, Map.of("paymentOrderDecision", value("CONFIRMED")));
            t.step("ReviewFinalPaymentOrderTask");
            // The client sees the end in the portal's list of their engagements (what the portal page shows).
            await("COMPLETED of " + number, () -> {
                for (JsonNode engagement : get("/api/portal/engagements", email, CLIENT_PASSWORD)) {
                    if (number.equals(engagement.path("number").asText())) {
                        return "COMPLETED".equals(engagement.path("status").asText());
                    }
                }
                return false;
            });
            t.step("completed");
        }

        /** The client pays what the task's invoice still asks and uploads the payment order. */
        private void pay(PortalClient client, String number, String taskKey) throws Exception {
            String task = clientTask(client, number, taskKey);
            HttpResponse<String> shown = client.task(task);
            expect(shown, 200, "payment task");
            String amount = null;
            for (JsonNode invoice : json.readTree(shown.body()).path("invoices")) {
                if (invoice.path("remaining").decimalValue().signum() > 0) {
                    amount = invoice.path("remaining").decimalValue().toPlainString();
                }
            }
            if (amount == null) {
                throw new IllegalStateException("no invoice to pay on " + taskKey + " of " + number + ": " + shown.body());
            }
            expect(client.upload(task, Map.of("paymentOrder", Journeys.PDF, "paidAmount", amount)), 204, taskKey);
        }

        /** The bare model, walked the same way: the start, then eleven tasks with the same forms and values. */
        void bare(int i, Timings t) throws Exception {
            String key = "bare-" + i + "-" + System.nanoTime();
            HttpResponse<String> started = BasicAuthHttp.send(http, json, port, "POST",
                    "/engine-rest/process-definition/key/" + BARE_KEY + "/start", Map.of("businessKey", key), ADMIN, ADMIN);
            expect(started, 200, "baseline start");
            String instanceId = json.readTree(started.body()).path("id").asText();
            t.step("register");
            Map<String, Object> pdf = Map.of("value", Base64.getEncoder().encodeToString(Journeys.PDF), "type", "File",
                    "valueInfo", Map.of("filename", "order.pdf", "mimetype", "application/pdf"));
            for (String step : STEPS.subList(1, STEPS.size() - 1)) {
                Map<String, Object> variables = switch (step) {
                    case EngagementProcess.Elements.REVIEW_SCREENING -> Map.of("reviewDecision", value("ACCEPT"),
                            "preferredContactChannel", value("EMAIL"), "reportEveryDays", Map.of("value", 7, "type", "Long"),
                            "callNotes", value("Clear goal, named everyone"));
                    case EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY -> Map.of("authorityDocument", pdf);
                    case EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY -> Map.of("authorityDecision", value("ACCEPTED"));
                    case EngagementProcess.Elements.PAY_DEPOSIT, "PayFinalInvoiceTask" ->
                            Map.of("paymentOrder", pdf, "paidAmount", value("75000"));
                    case "ReviewPaymentOrderTask", "ReviewFinalPaymentOrderTask" ->
                            Map.of("paymentOrderDecision", value("CONFIRMED"));
                    case EngagementProcess.Elements.PREPARE_BRIEF -> Map.of("briefItems",
                            value("ANSWER | Who are your customers | " + LocalDate.now().plusDays(3)));
                    case EngagementProcess.Elements.PROVIDE_MATERIALS -> Map.of("answer_1", value("Small shops"));
                    case EngagementProcess.Elements.REVIEW_MATERIALS -> Map.of("reviewNotes", value("All there"));
                    default -> Map.of("deliveredWork", value("The website, live"));
                };
                staff(step.equals(EngagementProcess.Elements.WORK_DELIVERED) ? FREELANCER : MODERATOR, key, step, variables);
                t.step(step);
            }
            await("end of " + key, () -> "COMPLETED".equals(get("/engine-rest/history/process-instance/" + instanceId,
                    ADMIN, ADMIN).path("state").asText()));
            t.step("completed");
        }

        /** A staff member waits for the task in their queue, then submits its form over the engine REST API. */
        private void staff(String user, String businessKey, String taskKey, Map<String, Object> variables) throws Exception {
            String path = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
                    + "&taskDefinitionKey=" + taskKey + "&maxResults=1";
            String[] id = new String[1];
            await(taskKey + " of " + businessKey, () -> {
                JsonNode tasks = get(path, user, user);
                if (tasks.isArray() && !tasks.isEmpty()) {
                    id[0] = tasks.get(0).path("id").asText();
                    return true;
                }
                return false;
            });
            HttpResponse<String> submitted = BasicAuthHttp.send(http, json, port, "POST", "/engine-rest/task/" + id[0]
                    + "/submit-form", Map.of("variables", variables), user, user);
            expect(submitted, 204, taskKey + " of " + businessKey);
        }

        /** The client waits for the task in the portal's list. */
        private String clientTask(PortalClient client, String number, String taskKey) throws Exception {
            String[] id = new String[1];
            await(taskKey + " of " + number, () -> {
                for (JsonNode task : client.openTasks()) {
                    if (taskKey.equals(task.path("key").asText()) && number.equals(task.path("engagementNumber").asText())) {
                        id[0] = task.path("id").asText();
                        return true;
                    }
                }
                return false;
            });
            return id[0];
        }

        private JsonNode get(String path, String user, String password) throws Exception {
            HttpResponse<String> response = BasicAuthHttp.send(http, json, port, "GET", path, null, user, password);
            expect(response, 200, "GET " + path);
            return json.readTree(response.body());
        }

        interface Check {
            boolean done() throws Exception;
        }

        private static void await(String what, Check check) throws Exception {
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (!check.done()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("waited " + STEP_TIMEOUT + " for " + what);
                }
                Thread.sleep(50);
            }
        }

        private static Map<String, Object> value(Object value) {
            return Map.of("value", value);
        }

        private static void expect(HttpResponse<String> response, int status, String what) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the baseline

    /**
     * The steps ours takes in transactions of their own (asynchronous continuations) after each step of the walk, as
     * counted in ours' job log (the report's "jobs per engagement"): the screening's three jobs after the start, the
     * phase changes (each phase's call activity starts in a job), the confirmations and the brief's dispatch.
     */
    static final Map<String, List<String>> JOBS_AFTER = Map.of(
            "register", List.of("ScreenIntake", "CheckCompany", "ScoreScreening"),
            EngagementProcess.Elements.REVIEW_SCREENING, List.of("StartSigningAuthorityPhase"),
            EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, List.of("ConfirmSigningAuthority", "StartDepositPhase"),
            "ReviewPaymentOrderTask", List.of("ConfirmDeposit", "StartMaterialsPhase"),
            EngagementProcess.Elements.PREPARE_BRIEF, List.of("SendBrief"),
            EngagementProcess.Elements.REVIEW_MATERIALS, List.of("StartWorkPhase"),
            EngagementProcess.Elements.WORK_DELIVERED, List.of("StartFinalPaymentPhase"),
            "ReviewFinalPaymentOrderTask", List.of("StartClosurePhase"));

    /** Tasks that ours waits on with a timer beside them (the reminders' first step, the progress report). */
    static final List<String> TIMED = List.of(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY,
            EngagementProcess.Elements.PAY_DEPOSIT, EngagementProcess.Elements.PROVIDE_MATERIALS,
            EngagementProcess.Elements.WORK_DELIVERED, "PayFinalInvoiceTask");

    /** The client's tasks, which ours can withdraw when the client is blocked (a signal boundary event on each). */
    static final List<String> WITHDRAWABLE = List.of(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY,
            EngagementProcess.Elements.PAY_DEPOSIT, EngagementProcess.Elements.PROVIDE_MATERIALS, "PayFinalInvoiceTask");

    /** Of those, the ones whose timer ours sets in a job of its own (the obligation's call activity is asynchronous). */
    static final List<String> TIMED_AFTER_A_JOB = List.of(EngagementProcess.Elements.PAY_DEPOSIT,
            EngagementProcess.Elements.PROVIDE_MATERIALS, "PayFinalInvoiceTask");

    /**
     * The same wait states and transactions as the walk through the engagement: ours' fifteen asynchronous
     * continuations where ours has them ({@link #JOBS_AFTER}, three of them beside a client's task), the eleven user
     * tasks with the engagement's forms, a service task doing nothing after each, a timer beside each of the client's
     * tasks and the delivery (a catch event in a branch next to the task, ended with it, as ours' reminders are), and
     * ours' nine message and signal waits: a payment message on each payment, a withdrawal signal on each client task
     * ({@link #WITHDRAWABLE}), the engagement's two event subprocesses (termination, complaint) and the progress
     * reports' stop during the work. None of ours' own work: no rules, no domain tables, no letters, no variables but
     * the forms'.
     */
    static BpmnModelInstance baseline() {
        org.camunda.bpm.model.bpmn.builder.ProcessBuilder process = Bpmn.createExecutableProcess(BARE_KEY)
                .camundaHistoryTimeToLive(1).camundaStartableInTasklist(true);
        // Ours' engagement listens all along for its termination and for a complaint (message starts of event
        // subprocesses in engagement.bpmn): two subscriptions for the whole walk.
        for (String message : List.of("Terminated", "ComplaintRaised")) {
            process.eventSubProcess("Bare" + message + "EventSubProcess").startEvent("Bare" + message + "StartEvent")
                    .message("Bare" + message).endEvent("Bare" + message + "EndEvent");
        }
        AbstractFlowNodeBuilder<?, ?> flow = process.startEvent("BareStartEvent");
        flow = jobs(flow, JOBS_AFTER.get("register"));
        Map<String, String> formRefs = Map.of(
                EngagementProcess.Elements.REVIEW_SCREENING, "review-screening",
                EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, "verify-signing-authority",
                "ReviewPaymentOrderTask", "review-payment-order",
                EngagementProcess.Elements.PREPARE_BRIEF, "prepare-brief",
                EngagementProcess.Elements.REVIEW_MATERIALS, "review-materials",
                EngagementProcess.Elements.WORK_DELIVERED, "work-delivered",
                "ReviewFinalPaymentOrderTask", "review-payment-order");
        Map<String, String> embedded = Map.of(
                EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY, "prove-signing-authority.html",
                EngagementProcess.Elements.PAY_DEPOSIT, "pay-deposit.html",
                EngagementProcess.Elements.PROVIDE_MATERIALS, "provide-materials.html",
                "PayFinalInvoiceTask", "pay-deposit.html");
        List<String> terminateEnds = new ArrayList<>();
        for (String step : STEPS.subList(1, STEPS.size() - 1)) {
            AbstractFlowNodeBuilder<?, ?> scope = flow;
            if (TIMED.contains(step)) {
                scope = flow.subProcess(step + "Scope").embeddedSubProcess().startEvent(step + "ScopeStartEvent")
                        .parallelGateway(step + "ForkGateway");
            }
            var task = scope.userTask(step).name(step)
                    .camundaCandidateGroups(step.equals(EngagementProcess.Elements.WORK_DELIVERED) ? "freelancers" : "moderators");
            if (formRefs.containsKey(step)) {
                task.camundaFormRef(formRefs.get(step)).camundaFormRefBinding("latest");
            } else {
                task.camundaFormKey("embedded:deployment:forms/" + embedded.get(step));
            }
            if (step.startsWith("Pay")) {
                task.boundaryEvent(step + "PaidEvent").message("Bare" + step + "Paid").endEvent(step + "PaidEndEvent");
                terminateEnds.add(step + "PaidEndEvent");
            }
            if (WITHDRAWABLE.contains(step)) {
                // Ours withdraws a blocked client's task with a signal named after the engagement (*TaskWithdrawn*).
                task.boundaryEvent(step + "WithdrawnEvent").signal("BareTaskWithdrawn-${execution.processBusinessKey}")
                        .endEvent(step + "WithdrawnEndEvent");
            }
            if (step.equals(EngagementProcess.Elements.WORK_DELIVERED)) {
                // Ours' progress reports run while the work does, listening for their stop (progress-reports.bpmn).
                task.boundaryEvent(step + "ReportsStoppedEvent").message("BareReportsStopped")
                        .endEvent(step + "ReportsStoppedEndEvent");
            }
            flow = task.serviceTask(step + "RecordTask").camundaExpression("${true}");
            if (TIMED.contains(step)) {
                flow = flow.endEvent(step + "DoneEndEvent").moveToNode(step + "ForkGateway");
                terminateEnds.add(step + "DoneEndEvent");
                if (TIMED_AFTER_A_JOB.contains(step)) {
                    flow = flow.serviceTask(step + "ObligationTask").camundaExpression("${true}").camundaAsyncBefore();
                }
                flow = flow.intermediateCatchEvent(step + "ReminderTimerEvent").timerWithDuration("P30D")
                        .endEvent(step + "ReminderEndEvent").subProcessDone();
            }
            flow = jobs(flow, JOBS_AFTER.getOrDefault(step, List.of()));
        }
        BpmnModelInstance model = flow.endEvent("BareEndEvent").done();
        // The task's end ends its scope, and with it the timer beside it (ours: a terminate end or an interrupting event).
        for (String id : terminateEnds) {
            org.camunda.bpm.model.bpmn.instance.EndEvent end = model.getModelElementById(id);
            end.getEventDefinitions().add(model.newInstance(org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition.class));
        }
        return model;
    }

    private static AbstractFlowNodeBuilder<?, ?> jobs(AbstractFlowNodeBuilder<?, ?> flow, List<String> names) {
        for (String name : names) {
            flow = flow.serviceTask("Bare" + name + "Task").camundaExpression("${true}").camundaAsyncBefore();
        }
        return flow;
    }

    // ------------------------------------------------------------------------------------------------ running, counting

    record Result(int n, int failures, double seconds, List<Long> totals, Map<String, List<Long>> steps) {
        double throughput() {
            return (n - failures) / seconds;
        }

        /** Two runs of the same side as one: their engagements, failures and times together. */
        Result and(Result other) {
            List<Long> allTotals = new ArrayList<>(totals);
            allTotals.addAll(other.totals);
            Map<String, List<Long>> allSteps = new LinkedHashMap<>();
            for (Map<String, List<Long>> each : List.of(steps, other.steps)) {
                each.forEach((step, nanos) -> allSteps.computeIfAbsent(step, s -> new ArrayList<>()).addAll(nanos));
            }
            return new Result(n + other.n, failures + other.failures, seconds + other.seconds, sorted(allTotals), allSteps);
        }
    }

    private static Result run(int n, int concurrency, Walk walk) throws Exception {
        List<Long> totals = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> steps = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            workers.add(callers.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    Timings t = new Timings();
                    try {
                        walk.walk(i, t);
                        totals.add(t.total());
                        t.steps.forEach((step, nanos) -> steps.computeIfAbsent(step,
                                s -> Collections.synchronizedList(new ArrayList<>())).add(nanos));
                    } catch (Throwable e) {
                        if (failures.incrementAndGet() <= 5) {
                            System.out.println("engagement " + i + " failed: " + e);
                        }
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        callers.shutdown();
        return new Result(n, failures.get(), seconds, sorted(totals), steps);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double ms(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
    }

    /**
     * Rows inserted, updated and deleted per table so far (pg_stat_user_tables). A backend reports its counts at most
     * once a second and at the latest 10 s after it went idle, so this waits that long first.
     */
    private static Map<String, Long> writes(JdbcTemplate jdbc) throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, Long> rows = new TreeMap<>();
        // Jobs by kind and what became of them (0 created, 1 failed, 2 done, 3 deleted): the transactions of a walk.
        jdbc.query("select coalesce(job_def_type_, 'timer-or-other'), job_state_, count(*) from act_hi_job_log"
                + " group by 1, 2", rs -> {
            rows.put("job:" + rs.getString(1) + "|" + rs.getInt(2), rs.getLong(3));
        });
        // Variables by the model that holds them and their name: what the rows of ACT_HI_VARINST are.
        jdbc.query("select coalesce(proc_def_key_, '-') || ' ' || name_, count(*) from act_hi_varinst group by 1",
                rs -> {
            rows.put("var:" + rs.getString(1), rs.getLong(2));
        });
        jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables", rs -> {
            String table = rs.getString(1).toLowerCase();
            rows.put(table + "|ins", rs.getLong(2));
            rows.put(table + "|upd", rs.getLong(3));
            rows.put(table + "|del", rs.getLong(4));
        });
        return rows;
    }

    /** CPU so far: this JVM's, its JIT compilers', the whole machine's (read at a run's start and end, not after the sleep). */
    private static Map<String, Long> cpu() {
        Map<String, Long> rows = new TreeMap<>();
        rows.put("jit|ms", compilerCpuMillis());
        rows.put("cpu|ms", java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1_000_000);
        // The whole machine's busy time (this JVM, the embedded PostgreSQL's backends): the machine runs nothing else.
        try {
            String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
            }
            rows.put("machine|ms", busy * 10);
        } catch (java.io.IOException e) {
            rows.put("machine|ms", 0L);
        }
        return rows;
    }

    /**
     * CPU time of this JVM's JIT compiler threads (Linux: /proc/self/task/N/stat, user + system, 100 ticks per second):
     * still high during a run means the run was not warmed up. The MXBean's compilation time is wall time, not CPU.
     */
    private static long compilerCpuMillis() {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        // After the name: state is field 3, utime field 14 and stime field 15 of the whole line.
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // A thread that ended meanwhile.
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((key, count) -> delta.put(key, count - before.getOrDefault(key, 0L)));
        return delta;
    }

    private static long total(Map<String, Long> delta, String kind) {
        return delta.entrySet().stream().filter(e -> e.getKey().endsWith("|" + kind)).mapToLong(Map.Entry::getValue).sum();
    }

    private static String report(int n, int concurrency, int rounds, Result ours, Result bare, Map<String, Long> ourRows,
                                 Map<String, Long> bareRows) {
        int oursDone = n - ours.failures();
        int bareDone = n - bare.failures();
        StringBuilder r = new StringBuilder("\n===== Lifecycle benchmark =====\n");
        r.append(String.format("engagements:   N=%d, C=%d concurrent callers; registration -> COMPLETED over HTTP "
                + "(failures: ours %d, bare %d)%n", n, concurrency, ours.failures(), bare.failures()));
        r.append(String.format("runs:          %d rounds of ours then bare, about N/%d engagements each, after a warm-up%n",
                rounds, rounds));
        r.append(String.format("%-34s %12s %12s %8s%n", "", "ours", "bare", "cost x"));
        r.append(String.format("%-34s %12.2f %12.2f %8.2f%n", "engagements/s", ours.throughput(), bare.throughput(),
                bare.throughput() / ours.throughput()));
        r.append(String.format("%-34s %12.0f %12.0f %8.2f%n", "per engagement p50 (ms)", ms(ours.totals(), 50),
                ms(bare.totals(), 50), ms(ours.totals(), 50) / ms(bare.totals(), 50)));
        r.append(String.format("%-34s %12.0f %12.0f %8.2f%n", "per engagement p99 (ms)", ms(ours.totals(), 99),
                ms(bare.totals(), 99), ms(ours.totals(), 99) / ms(bare.totals(), 99)));
        r.append("per step p50 / p99 (ms), from the end of the step before; includes waiting for the task (50 ms polls)\n");
        for (String step : STEPS) {
            List<Long> o = sorted(ours.steps().getOrDefault(step, List.of()));
            List<Long> b = sorted(bare.steps().getOrDefault(step, List.of()));
            r.append(String.format("  %-32s %5.0f / %5.0f  %5.0f / %5.0f  %8.2f%n", step, ms(o, 50), ms(o, 99), ms(b, 50),
                    ms(b, 99), ms(o, 50) / ms(b, 50)));
        }
        double cost = bare.throughput() / ours.throughput();
        r.append(String.format("cost ratio ours/bare: %.2f (time per engagement at C=%d, bare/ours throughput; target <= 2) %s%n",
                cost, concurrency, cost <= 2 ? "MET" : "NOT MET"));
        r.append(String.format("%-34s %12s %12s%n", "rows written per engagement", "ours", "bare"));
        for (String kind : List.of("ins", "upd", "del")) {
            r.append(String.format("  %-32s %12.1f %12.1f%n", "all tables, " + kind, total(ourRows, kind) / (double) oursDone,
                    total(bareRows, kind) / (double) bareDone));
        }
        r.append(String.format("  %-32s %12.0f %12.0f%n", "CPU ms of this JVM per engagement", ourRows.get("cpu|ms")
                / (double) oursDone, bareRows.get("cpu|ms") / (double) bareDone));
        r.append(String.format("  %-32s %12.0f %12.0f%n", "machine CPU ms per engagement", ourRows.get("machine|ms")
                / (double) oursDone, bareRows.get("machine|ms") / (double) bareDone));
        r.append(String.format("  %-32s %12.0f %12.0f%n", "JIT compilers' CPU ms per engagement", ourRows.get("jit|ms")
                / (double) oursDone, bareRows.get("jit|ms") / (double) bareDone));
        r.append("  jobs per engagement by kind|state (0 created, 1 failed, 2 done, 3 deleted; ours / bare):\n");
        TreeMap<String, Long> jobs = new TreeMap<>();
        ourRows.forEach((key, count) -> {
            if (key.startsWith("job:")) {
                jobs.put(key, count);
            }
        });
        bareRows.forEach((key, count) -> {
            if (key.startsWith("job:")) {
                jobs.putIfAbsent(key, 0L);
            }
        });
        jobs.forEach((key, count) -> r.append(String.format("    %-30s %12.1f %12.1f%n", key.substring(4), count / (double) oursDone,
                bareRows.getOrDefault(key, 0L) / (double) bareDone)));
        // The baseline mirrors ours' transactions by hand (JOBS_AFTER, TIMED): a changed model shows up here.
        boolean sameTransactions = jobs.keySet().stream().filter(key -> key.endsWith("|2") || key.endsWith("|0"))
                .allMatch(key -> Math.abs(ourRows.getOrDefault(key, 0L) / (double) oursDone
                        - bareRows.getOrDefault(key, 0L) / (double) bareDone) < 0.5);
        r.append(sameTransactions ? "  jobs created and done per engagement: the same in both\n"
                : "  JOBS DIFFER: the baseline no longer has ours' transactions; update JOBS_AFTER and TIMED\n");
        // Message and signal waits (event subscriptions) mirrored by hand as well: WITHDRAWABLE, the event subprocesses.
        double ourSubscriptions = ourRows.getOrDefault("act_ru_event_subscr|ins", 0L) / (double) oursDone;
        double bareSubscriptions = bareRows.getOrDefault("act_ru_event_subscr|ins", 0L) / (double) bareDone;
        r.append(Math.abs(ourSubscriptions - bareSubscriptions) < 0.5
                ? String.format("  message and signal waits per engagement: the same in both (%.1f)%n", ourSubscriptions)
                : String.format("  WAITS DIFFER: %.1f message and signal waits per engagement in ours, %.1f in bare%n",
                ourSubscriptions, bareSubscriptions));
        r.append("  variables per engagement by model and name, the most written (ours; -Dbenchmark.variables, default 25):\n");
        ourRows.entrySet().stream().filter(e -> e.getKey().startsWith("var:") && e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(Integer.getInteger("benchmark.variables", 25))
                .forEach(e -> r.append(String.format("    %-60s %6.1f%n", e.getKey().substring(4), e.getValue() / (double) oursDone)));
        r.append("  inserted per table (ours / bare):\n");
        TreeMap<String, Long> tables = new TreeMap<>();
        ourRows.forEach((key, count) -> {
            if (key.endsWith("|ins") && (count != 0 || bareRows.getOrDefault(key, 0L) != 0)) {
                tables.put(key.substring(0, key.length() - 4), count);
            }
        });
        bareRows.forEach((key, count) -> {
            if (key.endsWith("|ins") && count != 0) {
                tables.putIfAbsent(key.substring(0, key.length() - 4), 0L);
            }
        });
        tables.forEach((table, count) -> r.append(String.format("    %-30s %12.1f %12.1f%n", table, count / (double) oursDone,
                bareRows.getOrDefault(table + "|ins", 0L) / (double) bareDone)));
        r.append("===============================\n");
        return r.toString();
    }

    private LifecycleBenchmark() {
    }
}

package com.engagementorchestrator.common;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static com.engagementorchestrator.support.EngagementAssert.task;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.breach.BlockService;
import com.engagementorchestrator.breach.ClientBlock;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.deposit.WebhookSignature;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bursts well above the connection pool (issue 10, item 1): a committed payment or block lift used to open its
 * follow-up transaction while still holding its own connection, so a burst of them emptied the pool and every request
 * waited for the pool's timeout (30 s in production, 10 s in the tests), some answering 500. Every answer here must come
 * quickly, and every payment and lift must be recorded once and reach its process at once.
 */
@IntegrationTest
class ConnectionPoolBurstTest {

    /** Twice the tests' pool timeout: a loaded CI machine may be slow, but never waits for the pool twice. */
    static final Duration ALL_ANSWERED_WITHIN = Duration.ofSeconds(20);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired DataSource dataSource;
    @Autowired WebhookSignature signature;
    @Autowired DepositService deposits;
    @Autowired BlockService blocks;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry meters;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final ExecutorService callers = Executors.newFixedThreadPool(40);

    private long lastLetterBefore;
    private double poolTimeoutsBefore;

    @BeforeEach
    void rememberTheLastLetter() {
        lastLetterBefore = jdbc.queryForObject("select coalesce(max(id), 0) from correspondence", Long.class);
        poolTimeoutsBefore = poolTimeouts();
    }

    /**
     * A burst writes a few hundred letters, which the one mail thread sends in turn: let them go out, so later tests
     * do not wait for their own letters behind this backlog.
     */
    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        ClockUtil.reset();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && jdbc.queryForObject("select count(*) from correspondence where id > ?"
                + " and direction = 'OUTBOUND' and status in ('PENDING', 'SENDING')", Long.class, lastLetterBefore) > 0) {
            Thread.sleep(200);
        }
    }

    @Test
    void thirtySimultaneousFullPaymentsAreAnsweredQuicklyRecordedOnceAndDelivered() throws Exception {
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        int burst = 30;
        assertThat(burst).as("a burst well above the pool").isGreaterThanOrEqualTo(3 * poolSize);
        List<ProcessInstance> instances = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            Journeys journeys = new Journeys(context);
            ProcessInstance instance = journeys.awaitingDeposit(body -> { });
            Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
            instances.add(instance);
            bodies.add("""
                    {"paymentId": "burst-%s", "invoiceNumber": "%s", "amount": %s, "currency": "%s"}
                    """.formatted(invoice.getNumber(), invoice.getNumber(), invoice.getAmount().toPlainString(), invoice.getCurrency()));
        }

        List<Answer> answers = all(bodies.stream().map(body -> (Callable<HttpResponse<String>>) () -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/payments/webhook"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, "sha256=" + signature.sign(body.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList());

        for (int i = 0; i < burst; i++) {
            Answer answer = answers.get(i);
            assertThat(answer.response().statusCode()).as("payment %d: %s", i, answer.response().body()).isEqualTo(200);
            assertThat(json.readTree(answer.response().body()).path("status").asText()).isEqualTo("RECORDED");
            assertThat(json.readTree(answer.response().body()).path("invoicePaid").asBoolean()).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from payment where provider_payment_id = ?", Long.class,
                    json.readTree(bodies.get(i)).path("paymentId").asText())).as("recorded once").isOne();
            // Delivered to the process before the answer, not left to the sweep.
            assertThatEngagement(instances.get(i)).hasPassed(EngagementProcess.Elements.PAYMENT_RECEIVED)
                    .isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
        }
        assertAllQuick(answers);
    }

    @Test
    void fifteenSimultaneousLiftsAreAnsweredQuicklyAndResumeEveryEngagementOnce() throws Exception {
        int burst = 15;
        assertThat(burst).isGreaterThan(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
        List<Journeys> clients = new ArrayList<>();
        List<ProcessInstance> breaching = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        java.time.Instant latest = java.time.Instant.now();
        for (int i = 0; i < burst; i++) {
            // Each client registers today (a desired deadline in the past is refused) and escalates on its own time.
            ClockUtil.reset();
            Journeys journeys = new Journeys(context);
            ProcessInstance instance = journeys.awaitingDeposit(body -> { });
            journeys.escalateToBreach(instance);
            assertThatEngagement(journeys.awaitedObligation(instance)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);
            ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey("client-block")
                    .variableValueEquals("clientUserId", journeys.email).singleResult();
            clients.add(journeys);
            breaching.add(instance);
            reviews.add(task("ReviewBlockTask", block).getId());
            latest = latest.isAfter(journeys.now()) ? latest : journeys.now();
        }
        ClockUtil.setCurrentTime(java.util.Date.from(latest.plus(Duration.ofDays(1))));

        String lift = "{\"variables\": {\"blockDecision\": {\"value\": \"LIFT\"}, "
                + "\"decisionNotes\": {\"value\": \"The transfer bounced; a new date is given\"}}}";
        List<Answer> answers = all(reviews.stream().map(taskId -> (Callable<HttpResponse<String>>) () -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("moderator:moderator".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(lift)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList());

        for (int i = 0; i < burst; i++) {
            assertThat(answers.get(i).response().statusCode()).as("lift %d: %s", i, answers.get(i).response().body())
                    .isEqualTo(204);
            long clientId = clients.get(i).engagement(breaching.get(i)).getClient().getId();
            assertThat(blocks.ofClient(clientId)).extracting(ClientBlock::getStatus).containsExactly(ClientBlock.Status.LIFTED);
            assertThatEngagement(breaching.get(i)).hasPassed(EngagementProcess.Elements.RENEW_PAYMENT_DUE_DATE)
                    .isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);
            assertThat(clients.get(i).templatesSentFor(breaching.get(i))).filteredOn("block.lifted"::equals).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from paused_process where block_id in "
                    + "(select id from client_block where client_id = ?) and resumed_at is null", Long.class, clientId))
                    .as("every paused process resumed").isZero();
        }
        assertAllQuick(answers);
    }

    record Answer(HttpResponse<String> response, Duration took, Duration doneAfter) {
    }

    /** Sends every request at the same moment; answers in the order given. */
    private List<Answer> all(List<Callable<HttpResponse<String>>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Future<Answer>> futures = new ArrayList<>();
        for (Callable<HttpResponse<String>> request : requests) {
            futures.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                long sent = System.nanoTime();
                HttpResponse<String> response = request.call();
                long done = System.nanoTime();
                return new Answer(response, Duration.ofNanos(done - sent), Duration.ofNanos(done - start[0]));
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        start[0] = System.nanoTime();
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }

    /**
     * The exhausted pool showed as requests that waited for a connection until the pool's timeout: Hikari counts each
     * of those, whatever the machine's speed. The time bound only catches a request that waited for the pool twice.
     */
    private void assertAllQuick(List<Answer> answers) {
        assertThat(poolTimeouts() - poolTimeoutsBefore).as("requests that waited for the pool's connection timeout")
                .isZero();
        assertThat(answers).as("every answer without a second wait for the pool")
                .allSatisfy(a -> assertThat(a.doneAfter()).isLessThan(ALL_ANSWERED_WITHIN));
    }

    private double poolTimeouts() {
        Counter timeouts = meters.find("hikaricp.connections.timeout").counter();
        assertThat(timeouts).as("Hikari's pool metrics are bound").isNotNull();
        return timeouts.count();
    }
}

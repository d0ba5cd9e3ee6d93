package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.PAYMENT_RECEIVED;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.PAY_DEPOSIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.correspondence.Correspondent;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import com.engagementorchestrator.support.SilentServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10, item 2: an SMTP relay that accepts the connection and never answers. The letters time out and wait in the
 * log, the scheduled sweeps keep running (the deposit correlation delivers a recorded payment to its process), health
 * reports the mail backlog at once, and when the relay works again one sweep sends every letter, each once.
 */
@IntegrationTest
class SmtpStallTest {

    private static final int LETTERS = 5;

    @Autowired ApplicationContext context;
    @Autowired Correspondent correspondent;
    @Autowired CorrespondenceLog log;
    @Autowired TransactionTemplate transactions;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired ThreadPoolTaskScheduler scheduler;
    @Autowired ScheduledTaskHolder scheduledTasks;
    @Autowired DepositService deposits;
    @Autowired Invoices invoices;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    /**
     * However the test ended, the relay answers again and the dispatcher knows it: while it believes the relay down,
     * every later test's letters would wait for the hourly sweep.
     */
    @AfterEach
    void relayAnswersAgain() throws Exception {
        ClockUtil.reset();
        await(Duration.ofSeconds(20), () -> {
            scheduler.schedule(scheduled("MailDispatcher.retryPending"), Instant.now());
            return health().at("/components/mail/details/relayError").isMissingNode();
        });
    }

    @Test
    void aStalledRelayDelaysNeitherTheSweepsNorHealthAndEveryLetterGoesOutOnceItWorksAgain() throws Exception {
        ProcessInstance instance = paidDepositNotYetDelivered();
        int relayPort = mailSender.getPort();
        List<Correspondence> letters = new ArrayList<>();
        long overdueDuringStall;
        try (SilentServer relay = SilentServer.start()) {
            mailSender.setPort(relay.port());
            for (int i = 0; i < LETTERS; i++) {
                var letter = new Correspondent.Letter("test-stall/" + UUID.randomUUID(), null,
                        Intakes.uniqueEmail("stall-" + i), "en", "authority.accepted", "Olga", "ENG-TEST");
                letters.add(transactions.execute(status -> correspondent.send(letter)));
            }

            // The dispatcher gives up on the silent relay after its timeout (on our first letter, or on one queued
            // before it, after which the rest wait for the sweep instead of costing a timeout each); the letters wait.
            await(Duration.ofSeconds(15), () -> health().at("/components/mail/details/relayError").asText().contains("timed out")
                    && letters.stream().allMatch(l -> reload(l).getStatus() == Correspondence.Status.PENDING));
            assertThat(relay.connections()).isGreaterThanOrEqualTo(1);

            // The mail retry sweep meets the stalled relay again, but on the dispatcher's thread: the scheduler's
            // thread is free at once (each letter would hold it for a whole SMTP timeout), and the sweeps share a pool.
            int connections = relay.connections();
            ScheduledFuture<?> mailSweep = scheduler.schedule(scheduled("MailDispatcher.retryPending"), Instant.now());
            mailSweep.get(1, TimeUnit.SECONDS);
            await(Duration.ofSeconds(5), () -> relay.connections() > connections);
            assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).isGreaterThan(1);
            ScheduledFuture<?> depositSweep = scheduler.schedule(scheduled("PaymentCorrelation.sweep"), Instant.now());
            depositSweep.get(20, TimeUnit.SECONDS);
            assertThatEngagement(instance).hasPassed(PAYMENT_RECEIVED);

            // Health answers at once and names the backlog (letters waiting longer than backlog-after, PT3S here).
            Thread.sleep(3_200);
            long started = System.nanoTime();
            JsonNode health = health();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            JsonNode mail = health.at("/components/mail");
            assertThat(mail.at("/status").asText()).isEqualTo("DOWN");
            overdueDuringStall = mail.at("/details/overdue").asLong();
            assertThat(overdueDuringStall).isGreaterThanOrEqualTo(LETTERS);
            assertThat(mail.at("/details/relayError").asText()).containsIgnoringCase("timed out");
            assertThat(health.at("/status").asText()).isEqualTo("DOWN");
            assertThat(letters).allSatisfy(l -> assertThat(Mailbox.of(l.getRecipient())).isEmpty());
        } finally {
            mailSender.setPort(relayPort);
        }

        // The relay works again: the next sweep (every retry-interval) sends every letter.
        long recovered = System.nanoTime();
        await(Duration.ofSeconds(15), () -> {
            scheduler.schedule(scheduled("MailDispatcher.retryPending"), Instant.now());
            return letters.stream().allMatch(l -> reload(l).getStatus() == Correspondence.Status.SENT);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - recovered)).isLessThan(Duration.ofSeconds(10));
        Thread.sleep(500); // give a wrong second send the chance to arrive
        for (Correspondence letter : letters) {
            assertThat(Mailbox.of(letter.getRecipient())).singleElement()
                    .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(letter.getMessageId()));
        }
        JsonNode mail = health().at("/components/mail");
        assertThat(mail.at("/details/overdue").asLong()).isLessThanOrEqualTo(overdueDuringStall - LETTERS);
        assertThat(mail.at("/details/relayError").isMissingNode()).as("the relay answers again").isTrue();
        if (mail.at("/details/overdue").asLong() == 0 && mail.at("/details/stuckSending").asLong() == 0) {
            assertThat(mail.at("/status").asText()).isEqualTo("UP");
        }
    }

    /** A deposit paid in full whose delivery to the process was lost (as when it failed): only the sweep delivers it. */
    private ProcessInstance paidDepositNotYetDelivered() throws Exception {
        ClockUtil.setCurrentTime(new java.util.Date());
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        transactions.executeWithoutResult(status -> deposits.recordPayment(invoices.lockById(invoice.getId()).orElseThrow(),
                Payment.Source.PROVIDER, "pay-" + UUID.randomUUID(), invoice.getAmount(), invoice.getCurrency(),
                journeys.now(), "{}"));
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);
        ClockUtil.reset();
        Thread.sleep(1_000); // let the journey's own letters go out before the relay stalls
        return instance;
    }

    /** The sweep as the application schedules it ({@code @Scheduled}), to run now on the application's scheduler. */
    private Runnable scheduled(String method) {
        return scheduledTasks.getScheduledTasks().stream().map(t -> t.getTask().getRunnable())
                .filter(r -> r.toString().endsWith(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no @Scheduled " + method));
    }

    private Correspondence reload(Correspondence letter) {
        return log.findById(letter.getId()).orElseThrow();
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(Duration within, Condition condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.met()) {
            assertThat(System.nanoTime()).as("condition met within " + within).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}

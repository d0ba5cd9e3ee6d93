package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The payment provider's webhook over real HTTP: signatures, replays, unknown invoices, concurrent duplicates. */
@IntegrationTest
class PaymentWebhookTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired WebhookSignature signature;
    @Autowired DepositService deposits;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    Journeys journeys;
    ProcessInstance instance;
    Invoice invoice;

    @BeforeEach
    void anEngagementWaitsForItsDeposit() {
        journeys = new Journeys(context);
        instance = journeys.awaitingDeposit(body -> { });
        invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aBadOrMissingSignatureIs401AndRecordsNothing() throws Exception {
        String body = payment("pay-" + UUID.randomUUID(), invoice.getNumber(), "75000.00");
        long before = count("payment") + count("unmatched_payment");

        var missing = send(body, null);
        var wrong = send(body, "sha256=" + signature.sign("another body".getBytes(StandardCharsets.UTF_8)));
        var tampered = send(body.replace("75000.00", "1.00"), "sha256=" + signature.sign(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(List.of(missing.statusCode(), wrong.statusCode(), tampered.statusCode())).containsOnly(401);
        assertThat(missing.body()).contains("X-Signature");
        assertThat(count("payment") + count("unmatched_payment")).isEqualTo(before);
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);
    }

    @Test
    void aReplayOfTheSamePaymentIsRecordedOnceAndAnswered200() throws Exception {
        String id = "pay-" + UUID.randomUUID();
        String body = payment(id, invoice.getNumber(), "75000.00");

        var first = signed(body);
        var replay = signed(body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("status").asText()).isEqualTo("RECORDED");
        assertThat(json.readTree(first.body()).path("invoicePaid").asBoolean()).isTrue();
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("select count(*) from payment where provider_payment_id = ?", Long.class, id)).isOne();
        assertThatEngagement(instance).hasPassed(EngagementProcess.Elements.PAYMENT_RECEIVED)
                .isWaitingAt(EngagementProcess.Elements.PREPARE_BRIEF);
    }

    @Test
    void aPaymentForAnUnknownInvoiceIs422AndKeptForAModerator() throws Exception {
        String id = "pay-" + UUID.randomUUID();
        String body = payment(id, "INV-1999-999999", "100.00");

        var answer = signed(body);
        var again = signed(body);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("no invoice INV-1999-999999").contains("kept for a moderator");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from unmatched_payment where provider_payment_id = ?", Long.class, id)).isOne();
        JsonNode unmatched = json.readTree(get("/api/payments/unmatched", "moderator", "moderator").body());
        assertThat(unmatched.findValuesAsText("providerPaymentId")).contains(id);
        assertThat(get("/api/payments/unmatched", journeys.email, "correct-horse-battery").statusCode()).isEqualTo(403);
        assertThat(signed(payment("pay-" + UUID.randomUUID(), invoice.getNumber(), "10.00").replace("RUB", "EUR")).statusCode())
                .isEqualTo(422);
    }

    @Test
    void aMalformedSignedBodyIs400NamingTheFields() throws Exception {
        var answer = signed("{\"paymentId\": \"\", \"amount\": -5}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("paymentId").contains("invoiceNumber").contains("amount").contains("currency");
    }

    @Test
    void concurrentDuplicateDeliveriesAreRecordedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = "pay-" + UUID.randomUUID();
            String body = payment(id, invoice.getNumber(), "1.00");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return signed(body);
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                outcomes.add(json.readTree(response.body()).path("status").asText());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("RECORDED", "DUPLICATE");
            assertThat(jdbc.queryForObject("select count(*) from payment where provider_payment_id = ?", Long.class, id)).isOne();
        }
        assertThat(deposits.paidSoFar(invoice)).isEqualByComparingTo("5.00");
    }

    @Test
    void anAmountOutOfRangeIs400BeforeAnyWriteAndQuotesNoSql() throws Exception {
        long before = count("payment") + count("unmatched_payment");
        for (String amount : List.of("1e308", "1000000000000", "\"99999999999999999999.99\"")) {
            var response = signed(payment("pay-" + UUID.randomUUID(), invoice.getNumber(), amount));

            assertThat(response.statusCode()).as(amount).isEqualTo(400);
            JsonNode answer = json.readTree(response.body());
            assertThat(answer.path("fields").findValuesAsText("field")).containsExactly("amount");
            assertThat(answer.toString()).contains("amount out of range").doesNotContainIgnoringCase("sql")
                    .doesNotContainIgnoringCase("numeric");
        }
        assertThat(count("payment") + count("unmatched_payment")).isEqualTo(before);
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PAY_DEPOSIT);
    }

    private String payment(String id, String invoiceNumber, String amount) {
        return """
                {"paymentId": "%s", "invoiceNumber": "%s", "amount": %s, "currency": "RUB", "paidAt": "2026-11-20T10:15:30Z"}
                """.formatted(id, invoiceNumber, amount);
    }

    private HttpResponse<String> signed(String body) throws Exception {
        return send(body, "sha256=" + signature.sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String body, String header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/payments/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(WebhookSignature.HEADER, header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

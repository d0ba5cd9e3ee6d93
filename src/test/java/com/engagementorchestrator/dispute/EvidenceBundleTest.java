package com.engagementorchestrator.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.protocol.ProtocolContent;
import com.engagementorchestrator.protocol.ProtocolWorkflow;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The dispute evidence bundle over HTTP: one ZIP with protocols, correspondence, promises, payments and history. */
@IntegrationTest
class EvidenceBundleTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired DepositService deposits;
    @Autowired PaymentService payments;
    @Autowired ProtocolWorkflow protocols;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theBundleHoldsEverythingADisputeIsSettledByAndOnlyForThoseInvolved() throws Exception {
        Journeys journeys = new Journeys(context);
        var instance = journeys.awaitingDeposit(body -> { });
        long engagementId = journeys.engagement(instance).getId();
        var invoice = deposits.depositInvoice(engagementId);
        payments.record(new PaymentService.ProviderPayment("pay-evidence-" + engagementId, invoice.getNumber(),
                invoice.getAmount(), invoice.getCurrency(), null), "{}");
        var protocol = protocols.open(engagementId, new ProtocolContent(LocalDate.now().minusDays(1), List.of("Olga", "Maria"),
                List.of("Launch on 1 March"), List.of(), List.of()), "moderator");

        var answer = http.send(get("/api/engagements/" + instance.getBusinessKey() + "/evidence", journeys.email, "correct-horse-battery"),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> entries = unzip(answer.body());
        assertThat(entries).containsKeys("protocols/" + protocol.getNumber() + "-v1.pdf", "protocols/hashes.json",
                "correspondence.json", "promises.json", "payments.json", "process-history.json");
        assertThat(new PdfReader(entries.get("protocols/" + protocol.getNumber() + "-v1.pdf")).getNumberOfPages()).isPositive();
        JsonNode hashes = json.readTree(entries.get("protocols/hashes.json"));
        assertThat(hashes.get(0).path("sha256").asText()).isEqualTo(protocol.getContentSha256());
        assertThat(hashes.get(0).path("verification").path("intact").asBoolean()).isTrue();
        assertThat(json.readTree(entries.get("correspondence.json")).findValuesAsText("template"))
                .contains("deposit.invoice", "deposit.received");
        assertThat(json.readTree(entries.get("promises.json")).findValuesAsText("kind")).contains("DEPOSIT_PAYMENT");
        assertThat(json.readTree(entries.get("payments.json")).findValuesAsText("providerPaymentId")).contains("pay-evidence-" + engagementId);
        JsonNode history = json.readTree(entries.get("process-history.json"));
        assertThat(history.findValuesAsText("process")).contains("engagement", "reminder-ladder", "protocol-signing");
        assertThat(history.findValuesAsText("activity")).contains("IssueDepositInvoiceTask", "PaymentReceivedBoundaryEvent");
        assertThat(history.findValuesAsText("process")).as("the payment, collected by collect-payment").contains("collect-payment");

        Journeys stranger = new Journeys(context);
        stranger.accepted(body -> { });
        assertThat(http.send(get("/api/engagements/" + instance.getBusinessKey() + "/evidence", stranger.email, "correct-horse-battery"),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    private HttpRequest get(String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}

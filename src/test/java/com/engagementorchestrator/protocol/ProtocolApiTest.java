package com.engagementorchestrator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Protocols over real HTTP on PostgreSQL: record, sign from both sides, versions, verification, tampering, PDF. */
@IntegrationTest
class ProtocolApiTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Journeys journeys;
    String number;
    String client;

    @BeforeEach
    void anEngagement() {
        journeys = new Journeys(context);
        number = journeys.accepted(body -> body.put("fullName", "Ольга Смирнова")).getBusinessKey();
        client = journeys.email;
    }

    @Test
    void bothSidesSignAndTheSignedProtocolCannotChange() throws Exception {
        var created = send("POST", "/api/engagements/" + number + "/protocols", protocol("Launch on 1 March"), "moderator", "moderator");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode protocol = json.readTree(created.body());
        String id = protocol.path("id").asText();
        assertThat(protocol.path("status").asText()).isEqualTo("SIGNING");
        assertThat(protocol.path("sha256").asText()).hasSize(64);

        var byFreelancer = send("POST", "/api/protocols/" + id + "/signatures", "", "freelancer", "freelancer");
        assertThat(byFreelancer.statusCode()).isEqualTo(201);
        assertThat(json.readTree(byFreelancer.body()).path("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(json.readTree(byFreelancer.body()).path("userAgent").asText()).isEqualTo("ProtocolApiTest/1.0");
        assertThat(send("POST", "/api/protocols/" + id + "/signatures", "", "freelancer", "freelancer").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/protocols/" + id + "/signatures", "", client, PASSWORD).statusCode()).isEqualTo(201);

        JsonNode signed = json.readTree(send("GET", "/api/protocols/" + id, null, client, PASSWORD).body());
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.path("signatures").findValuesAsText("sha256")).containsOnly(protocol.path("sha256").asText());
        JsonNode verification = json.readTree(send("GET", "/api/protocols/" + id + "/verify", null, client, PASSWORD).body());
        assertThat(verification.path("intact").asBoolean()).isTrue();

        var change = send("PUT", "/api/protocols/" + id, protocol("Launch on 1 April"), "moderator", "moderator");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(change.body()).contains("signed by both sides and cannot change");

        var pdf = http.send(request("GET", "/api/protocols/" + id + "/pdf", null, client, PASSWORD).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
        assertThat(text).contains(signed.path("number").asText()).contains("Launch on 1 March")
                .contains("Ольга Смирнова").contains(protocol.path("sha256").asText()).contains("intact");
    }

    @Test
    void anEditAfterOneSignatureIsANewVersionAndVoidsTheSignature() throws Exception {
        String id = json.readTree(send("POST", "/api/engagements/" + number + "/protocols", protocol("Launch on 1 March"),
                "moderator", "moderator").body()).path("id").asText();
        assertThat(send("POST", "/api/protocols/" + id + "/signatures", "", client, PASSWORD).statusCode()).isEqualTo(201);
        var objection = send("POST", "/api/protocols/" + id + "/objections", "{\"reason\": \"\"}", "freelancer", "freelancer");
        assertThat(objection.statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/protocols/" + id + "/objections",
                "{\"reason\": \"We said 1 April, not 1 March\"}", "freelancer", "freelancer").statusCode()).isEqualTo(201);

        JsonNode revised = json.readTree(send("PUT", "/api/protocols/" + id, protocol("Launch on 1 April"), "moderator", "moderator").body());

        assertThat(revised.path("version").asInt()).isEqualTo(2);
        assertThat(revised.path("id").asText()).isNotEqualTo(id);
        assertThat(revised.path("signatures").size()).isZero();
        JsonNode old = json.readTree(send("GET", "/api/protocols/" + id, null, "moderator", "moderator").body());
        assertThat(old.path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(old.path("signatures").get(0).path("valid").asBoolean()).isFalse();
        assertThat(old.path("objections").get(0).asText()).contains("1 April");
        assertThat(send("POST", "/api/protocols/" + id + "/signatures", "", "freelancer", "freelancer").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/protocols/" + revised.path("id").asText() + "/signatures", "", "freelancer", "freelancer")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aRowChangedDirectlyInTheDatabaseIsReportedByVerify() throws Exception {
        String id = json.readTree(send("POST", "/api/engagements/" + number + "/protocols", protocol("Launch on 1 March"),
                "moderator", "moderator").body()).path("id").asText();
        send("POST", "/api/protocols/" + id + "/signatures", "", client, PASSWORD);
        send("POST", "/api/protocols/" + id + "/signatures", "", "freelancer", "freelancer");

        jdbc.update("update protocol set decisions = ? where id = ?", "Launch on 1 June", Long.valueOf(id));

        JsonNode verification = json.readTree(send("GET", "/api/protocols/" + id + "/verify", null, "moderator", "moderator").body());
        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.path("recomputedSha256").asText()).isNotEqualTo(verification.path("storedSha256").asText());
        assertThat(verification.path("signatures").findValuesAsText("matches")).containsOnly("false");

        jdbc.update("update protocol set decisions = ? where id = ?", "Launch on 1 March", Long.valueOf(id));
        assertThat(json.readTree(send("GET", "/api/protocols/" + id + "/verify", null, "moderator", "moderator").body())
                .path("intact").asBoolean()).isTrue();
        jdbc.update("update protocol_agreement set due_date = due_date + 30 where protocol_id = ?", Long.valueOf(id));
        assertThat(json.readTree(send("GET", "/api/protocols/" + id + "/verify", null, "moderator", "moderator").body())
                .path("intact").asBoolean()).isFalse();
    }

    @Test
    void badInputNamesEveryFieldAndOnlyModeratorsRecordAndOnlyThoseInvolvedSee() throws Exception {
        String bad = json.writeValueAsString(Map.of("meetingDate", LocalDate.now().plusDays(3).toString(), "participants", List.of(),
                "decisions", List.of(), "agreements", List.of(Map.of("owedBy", "NOBODY", "what", "x", "dueDate", "soon"))));
        var answer = send("POST", "/api/engagements/" + number + "/protocols", bad, "moderator", "moderator");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("agreements[0].owedBy").contains("agreements[0].dueDate");
        var second = send("POST", "/api/engagements/" + number + "/protocols", json.writeValueAsString(Map.of(
                "meetingDate", LocalDate.now().plusDays(3).toString(), "participants", List.of(), "decisions", List.of())), "moderator", "moderator");
        assertThat(second.body()).contains("meetingDate").contains("participants").contains("decisions");
        assertThat(send("POST", "/api/engagements/" + number + "/protocols", protocol("x"), client, PASSWORD).statusCode()).isEqualTo(403);

        String id = json.readTree(send("POST", "/api/engagements/" + number + "/protocols", protocol("Launch"), "moderator", "moderator")
                .body()).path("id").asText();
        var stranger = new Journeys(context);
        stranger.accepted(body -> { });
        assertThat(send("GET", "/api/protocols/" + id, null, stranger.email, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/protocols/" + id + "/signatures", "", stranger.email, PASSWORD).statusCode()).isEqualTo(404);
    }

    private String protocol(String decision) throws Exception {
        return json.writeValueAsString(Map.of(
                "meetingDate", LocalDate.now().minusDays(1).toString(),
                "participants", List.of("Ольга Смирнова (client)", "Maria Moderator", "Fiona Freelancer"),
                "decisions", List.of(decision),
                "agreements", List.of(
                        Map.of("owedBy", "CLIENT", "what", "Send the product photos", "dueDate", LocalDate.now().plusDays(5).toString()),
                        Map.of("owedBy", "FREELANCER", "what", "Show the first design", "dueDate", LocalDate.now().plusDays(10).toString())),
                "openQuestions", List.of("Who approves the texts?")));
    }

    private HttpResponse<String> send(String method, String path, String body, String user, String password) throws Exception {
        return http.send(request(method, path, body, user, password).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String body, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("User-Agent", "ProtocolApiTest/1.0")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }
}

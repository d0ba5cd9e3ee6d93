package com.engagementorchestrator.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/registrations over real HTTP: every bad input is a 400 naming the field, and nothing is written. */
@IntegrationTest
class RegistrationApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("fullName", "is required", b -> b.remove("fullName")),
                bad("email", "is required", b -> b.put("email", " ")),
                bad("email", "not a valid e-mail", b -> b.put("email", "olga.example.com")),
                bad("password", "between 10 and 128", b -> b.put("password", "short")),
                bad("locale", "must be ru or en", b -> b.put("locale", "de")),
                bad("country", "unknown country", b -> b.put("country", "XX")),
                bad("industry", "unknown code 'FISHING'", b -> b.put("industry", "FISHING")),
                bad("firstContactChannel", "unknown code", b -> b.put("firstContactChannel", "CARRIER_PIGEON")),
                bad("decisionMaking", "unknown code", b -> b.put("decisionMaking", "BOARD")),
                bad("budgetAmount", "must be positive", b -> b.put("budgetAmount", 0)),
                bad("budgetAmount", "must be positive", b -> b.put("budgetAmount", -5)),
                bad("budgetAmount", "malformed value", b -> b.put("budgetAmount", "a lot")),
                bad("budgetCurrency", "unknown currency", b -> b.put("budgetCurrency", "EURO")),
                bad("budgetCurrency", "we take budgets in", b -> b.put("budgetCurrency", "XAF")),
                bad("desiredDeadline", "is in the past", b -> b.put("desiredDeadline", LocalDate.now().minusDays(1).toString())),
                bad("desiredDeadline", "ISO date", b -> b.put("desiredDeadline", "31.12.2027")),
                bad("registrationNumber", "not a valid INN", b -> b.put("registrationNumber", "7707083894")),
                bad("registrationNumber", "not a valid OGRN", b -> b.put("registrationNumber", "1027700132196")),
                bad("registrationNumber", "at most 32", b -> { b.put("country", "DE"); b.put("registrationNumber", "H".repeat(33)); }),
                bad("projectDescription", "at most 5000", b -> b.put("projectDescription", "x".repeat(5001))),
                bad("previousContractorsExperience", "at most 4000", b -> b.put("previousContractorsExperience", "x".repeat(4001))),
                bad("fullName", "at most 200", b -> b.put("fullName", "x".repeat(201))),
                bad("phone", "phone number", b -> b.put("phone", "call me maybe")),
                bad("previousContractorsCount", "must not be negative", b -> b.put("previousContractorsCount", -1)));
    }

    private static Arguments bad(String field, String why, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, why, change);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void badInputIsRejectedWithTheFieldAndNothingIsWritten(String field, String why,
                                                           Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("bad"));
        change.accept(body);
        Map<String, Long> before = rowCounts();

        HttpResponse<String> response = post(json.writeValueAsString(body));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode fields = json.readTree(response.body()).path("fields");
        assertThat(fields.findValuesAsText("field")).contains(field);
        assertThat(fields.toString()).contains(why);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void everyOffendingFieldIsListedAtOnce() throws Exception {
        Map<String, Object> body = Intakes.clean("not-an-email");
        body.put("password", "123");
        body.put("industry", "NOPE");
        body.put("budgetAmount", 0);
        body.remove("projectDescription");

        HttpResponse<String> response = post(json.writeValueAsString(body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("fields").findValuesAsText("field"))
                .contains("email", "password", "industry", "budgetAmount", "projectDescription");
    }

    @Test
    void aValidRegistrationIsCreatedWithNumberAndLocation() throws Exception {
        HttpResponse<String> response = post(json.writeValueAsString(Intakes.clean(Intakes.uniqueEmail("ok"))));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("engagementNumber").asText()).matches("ENG-\\d{4}-\\d{6}");
        assertThat(answer.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/engagements/" + answer.path("engagementNumber").asText());
    }

    @Test
    void theSameEmailTwiceIsAConflictAndWritesNothing() throws Exception {
        String email = Intakes.uniqueEmail("twice");
        assertThat(post(json.writeValueAsString(Intakes.clean(email))).statusCode()).isEqualTo(201);
        Map<String, Long> before = rowCounts();

        HttpResponse<String> again = post(json.writeValueAsString(Intakes.clean(email.toUpperCase())));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("message").asText()).contains("already registered");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBodyOver64KilobytesIsRefusedWith413() throws Exception {
        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("big"));
        body.put("projectDescription", "x".repeat(70 * 1024));
        Map<String, Long> before = rowCounts();

        HttpResponse<String> response = post(json.writeValueAsString(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 64 KB");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void optionalFieldsMayBeEmpty() throws Exception {
        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("sparse"));
        for (String optional : List.of("phone", "position", "companyName", "website", "projectGoal",
                "previousContractorsExperience")) {
            body.put(optional, "");
        }
        body.put("country", "DE");
        body.put("registrationNumber", "");
        assertThat(post(json.writeValueAsString(body)).statusCode()).isEqualTo(201);
    }

    @Test
    void notJsonIsA400() throws Exception {
        HttpResponse<String> response = post("{\"fullName\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void industriesIncludeSeafoodAndArePublic() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/reference/industries")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).findValuesAsText("code")).contains("SEAFOOD", "IT", "OTHER");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> rowCounts() {
        return Map.of(
                "company", count("select count(*) from company"),
                "client", count("select count(*) from client"),
                "engagement", count("select count(*) from engagement"),
                "correspondence", count("select count(*) from correspondence"),
                "users", count("select count(*) from act_id_user"),
                "processes", count("select count(*) from act_ru_execution"));
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

}

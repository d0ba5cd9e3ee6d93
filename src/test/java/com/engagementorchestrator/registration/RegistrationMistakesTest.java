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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registrations that used to answer 500: each is a 4xx naming the problem, and nothing is written. */
@IntegrationTest
class RegistrationMistakesTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aKeyTwiceIs400NamingTheKey() throws Exception {
        String email = Intakes.uniqueEmail("dup");
        String body = json.writeValueAsString(Intakes.clean(email));
        String twice = body.substring(0, body.length() - 1) + ", \"email\": \"" + Intakes.uniqueEmail("other") + "\"}";
        long users = count("act_id_user");

        HttpResponse<String> response = post(twice);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode fields = json.readTree(response.body()).path("fields");
        assertThat(fields.findValuesAsText("field")).containsExactly("email");
        assertThat(fields.toString()).contains("more than once");
        assertThat(count("act_id_user")).isEqualTo(users);
    }

    @Test
    void aDeadlineBeyondTenYearsIs400() throws Exception {
        for (String deadline : List.of("+999999999-12-31", LocalDate.now().plusYears(11).toString())) {
            Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("far"));
            body.put("desiredDeadline", deadline);
            long engagements = count("engagement");

            HttpResponse<String> response = post(json.writeValueAsString(body));

            assertThat(response.statusCode()).as(deadline).isEqualTo(400);
            JsonNode fields = json.readTree(response.body()).path("fields");
            assertThat(fields.findValuesAsText("field")).containsExactly("desiredDeadline");
            // A five-digit year is no date a person means; a real date too far ahead is told the limit.
            assertThat(fields.toString()).contains(deadline.startsWith("+") ? "ISO date" : "within 10 years");
            assertThat(count("engagement")).isEqualTo(engagements);
        }
        Map<String, Object> near = Intakes.clean(Intakes.uniqueEmail("near"));
        near.put("desiredDeadline", LocalDate.now().plusYears(9).toString());
        assertThat(post(json.writeValueAsString(near)).statusCode()).isEqualTo(201);
    }

    @Test
    void aNulCharacterIs400NamingTheField() throws Exception {
        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("nul"));
        body.put("fullName", "Olga\u0000 Smirnova");
        long users = count("act_id_user");

        HttpResponse<String> response = post(json.writeValueAsString(body));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode fields = json.readTree(response.body()).path("fields");
        assertThat(fields.findValuesAsText("field")).containsExactly("fullName");
        assertThat(fields.toString()).contains("NUL");
        assertThat(count("act_id_user")).isEqualTo(users);
    }

    @Test
    void concurrentRegistrationsOfOneEmailGiveOneCreatedAndConflictsForTheRest() throws Exception {
        String email = Intakes.uniqueEmail("race");
        int attempts = 30;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String body = json.writeValueAsString(Intakes.clean(email));
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(json.readTree(response.body()).path("message").asText()).contains("already registered");
                }
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from client where lower(email) = ?", Long.class, email)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from act_id_user where id_ = ?", Long.class, email)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from engagement e join client c on e.client_id = c.id "
                + "where lower(c.email) = ?", Long.class, email)).isOne();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

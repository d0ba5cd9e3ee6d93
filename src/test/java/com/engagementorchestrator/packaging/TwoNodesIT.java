package com.engagementorchestrator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.TestInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 7c, 7b, 7d and 5 across nodes: two packaged jars (profile postgres) started at the same moment on one
 * fresh, empty PostgreSQL database both come up, in three rounds of a database each (without the start-up lock one of
 * them crashed in the engine's schema creation in one round or more); then registrations racing on both nodes: one
 * e-mail gives one 201 and 409 for the rest with nothing half-written, and one new registration number one company.
 */
class TwoNodesIT {

    static final int ROUNDS = Integer.getInteger("two-nodes.rounds", 3);
    static final int RACERS = 8;

    static final List<PackagedApp> nodes = new ArrayList<>();
    static String databaseUrl;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            stopNodes();
            databaseUrl = freshDatabase();
            ExecutorService starter = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<PackagedApp>> starting = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    starting.add(starter.submit(() -> {
                        go.await();
                        return PackagedApp.start("--spring.profiles.active=postgres",
                                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres", "--ADMIN_USER=admin",
                                "--ADMIN_PASSWORD=admin-password-1", "--logging.level.root=warn",
                                "--logging.level.com.engagementorchestrator.common.StartupLock=info",
                                "--engagement.rate-limits.exempt-addresses=127.0.0.1",
                                "--management.endpoint.health.show-details=always");
                    }));
                }
                go.countDown();
                List<String> failures = new ArrayList<>();
                for (Future<PackagedApp> node : starting) {
                    try {
                        nodes.add(node.get());
                    } catch (ExecutionException e) {
                        failures.add(String.valueOf(e.getCause().getMessage()));
                    }
                }
                assertThat(failures).as("round " + round + ": nodes that did not come up").isEmpty();
            } finally {
                starter.shutdownNow();
            }
        }
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(PackagedApp::stop);
        nodes.clear();
    }

    @Test
    void bothNodesServe() throws Exception {
        for (PackagedApp node : nodes) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        assertThat(count("select count(*) from act_ge_property where name_ = 'schema.version'")).isEqualTo(1);
    }

    /** Item 7d: a dead node's jobs are free again after the job executor's lock time, 1 minute, not the engine's 5. */
    @Test
    void theJobExecutorsLockTimeFitsTheJobs() throws Exception {
        for (PackagedApp node : nodes) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(health.body()).at("/components/jobExecutor/details/jobExecutor/lockTimeInMillis").asLong())
                    .as(health.body()).isEqualTo(60_000L);
        }
    }

    @Test
    void oneEmailRegisteredOnBothNodesAtOnceIsOneClientAndConflictsForTheRest() throws Exception {
        String email = Intakes.uniqueEmail("two-nodes");
        List<HttpResponse<String>> answers = race(i -> Intakes.clean(email));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                .allSatisfy(answer -> assertThat(answer.body()).contains("already registered"));
        // nothing half-written: one engine user with its membership, one client, one engagement
        assertThat(count("select count(*) from act_id_user where id_ = ?", email)).isEqualTo(1);
        assertThat(count("select count(*) from act_id_membership where user_id_ = ?", email)).isEqualTo(1);
        assertThat(count("select count(*) from client where email = ?", email)).isEqualTo(1);
        assertThat(count("select count(*) from engagement e join client c on c.id = e.client_id where c.email = ?", email))
                .isEqualTo(1);
    }

    @Test
    void colleaguesRegisteringOnBothNodesAtOnceShareOneCompany() throws Exception {
        String inn = Intakes.randomInn();
        List<HttpResponse<String>> answers = race(i -> {
            Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("colleague" + i));
            body.put("registrationNumber", inn);
            return body;
        });

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(count("select count(*) from company where country = 'RU' and registration_number = ?", inn)).isEqualTo(1);
        assertThat(count("select count(*) from client c join company k on k.id = c.company_id"
                + " where k.registration_number = ?", inn)).isEqualTo(RACERS);
    }

    interface Body {
        Map<String, Object> of(int racer);
    }

    /** The registrations sent at the same moment, alternately to each node. */
    private List<HttpResponse<String>> race(Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                PackagedApp node = nodes.get(i % nodes.size());
                String payload = json.writeValueAsString(body.of(i));
                sent.add(pool.submit(() -> {
                    go.await();
                    return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/api/registrations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String freshDatabase() throws SQLException {
        EmbeddedPostgres postgres = TestInfrastructure.postgres();
        String name = "two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(databaseUrl, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

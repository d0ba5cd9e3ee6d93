package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Strangers cannot lock anyone out or flood the open endpoints: per-address limits answer 429 with Retry-After, and an
 * account's own delay after wrong passwords expires by itself. The test profile's limits are small and loopback is
 * exempt, so other tests never meet them; each test here plays a stranger at an address of its own (TEST-NET-3),
 * sent as X-Forwarded-For through the tests' loopback, which the test profile trusts as a proxy.
 */
@IntegrationTest
class RateLimitTest {

    static final String PASSWORD = "correct-horse-battery";
    /** Camunda's default loginMaxAttempts: this many wrong passwords used to lock an account until an admin unlocked it. */
    static final int CAMUNDA_DEFAULT_MAX_ATTEMPTS = 10;

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 200));
    /** This test's stranger; a fresh address per test, so each starts with full buckets. */
    final String source = "203.0.113." + ADDRESSES.incrementAndGet() % 254;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void registrationsPerAddressAreCappedAndOnlyAcceptedOnesCount() throws Exception {
        Map<String, Object> typo = Intakes.clean(Intakes.uniqueEmail("typo"));
        typo.put("budgetAmount", 0);
        assertThat(register(typo).statusCode()).isEqualTo(400);
        assertThat(register(Intakes.clean(Intakes.uniqueEmail("first"))).statusCode()).isEqualTo(201);
        assertThat(register(Intakes.clean(Intakes.uniqueEmail("second"))).statusCode()).isEqualTo(201);
        long clients = count("select count(*) from client");

        String third = Intakes.uniqueEmail("third");
        HttpResponse<String> refused = register(Intakes.clean(third));

        assertTooManyRequests(refused, "Too many registrations from your address");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(60);
        assertThat(count("select count(*) from client")).isEqualTo(clients);
        assertThat(identity.createUserQuery().userId(third).count()).isZero();
    }

    @Test
    void theOpenEndpointsAnswer429WhenFloodedAndAgainAfterRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        int sent = 0;
        while (sent < 30) {
            sent++;
            last = get("/api/reference/industries", null, null);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertThat(sent).as("the limit of 10 requests per address holds").isEqualTo(11);
        assertTooManyRequests(last, "Too many requests from your address");
        // One bucket for every open endpoint of the address.
        assertTooManyRequests(get("/register", null, null), "Too many requests");
        assertTooManyRequests(register(Intakes.clean(Intakes.uniqueEmail("flood"))), "Too many requests");

        Thread.sleep(Duration.ofSeconds(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).toMillis());
        assertThat(get("/api/reference/industries", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anIpv6CallerIsCountedByItsSlash64() throws Exception {
        String network = "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":7:";
        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || last.statusCode() != 429); i++) {
            last = get("/api/reference/industries", network + ":" + Integer.toHexString(i + 1), null, null);
        }
        assertTooManyRequests(last, "Too many requests from your address");
        // Another address of the same /64: the same bucket. Another /64: its own.
        assertThat(get("/api/reference/industries", network + ":abcd:1", null, null).statusCode()).isEqualTo(429);
        assertThat(get("/api/reference/industries", network.replace(":7:", ":8:") + ":1", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsNeverLockAnAccountAndStrangersAreStoppedOnEverySurface() throws Exception {
        String user = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        User account = identity.newUser(user);
        account.setFirstName("Vera");
        account.setLastName("Victim");
        account.setEmail(user);
        account.setPassword(PASSWORD);
        identity.saveUser(account);

        // More wrong passwords than Camunda's default lock allows, each after the account's delay has passed: every one
        // is counted by the engine, and each one is a 401.
        Instant clock = Instant.now();
        for (int i = 0; i < CAMUNDA_DEFAULT_MAX_ATTEMPTS + 2; i++) {
            clock = clock.plusSeconds(61);
            ClockUtil.setCurrentTime(Date.from(clock));
            assertThat(get("/engine-rest/task", user, "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(attempts(user)).isGreaterThanOrEqualTo(CAMUNDA_DEFAULT_MAX_ATTEMPTS + 2);

        // A stranger guessing at full speed from one address, over /engine-rest, /api and the webapps' login: after a
        // few 401s everything is 429 with Retry-After, before any password is checked.
        get("/camunda/app/tasklist/", null, null);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> lastApi = null;
        HttpResponse<String> lastEngineRest = null;
        HttpResponse<String> lastWebappLogin = null;
        for (int i = 0; i < 250; i++) {
            HttpResponse<String> response = switch (i % 3) {
                case 0 -> lastEngineRest = get("/engine-rest/task", user, "guess-" + i);
                case 1 -> lastApi = get("/api/engagements", user, "guess-" + i);
                default -> lastWebappLogin = webappLogin(user, "guess-" + i);
            };
            statuses.add(response.statusCode());
        }
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("401s before the limit").isLessThan(15);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThan(230);
        assertTooManyRequests(lastEngineRest, "Too many failed log-ins from your address");
        assertTooManyRequests(lastApi, "Too many failed log-ins from your address");
        assertTooManyRequests(lastWebappLogin, "Too many failed log-ins from your address");
        // Even the right password waits: the address is stopped, not the account.
        assertThat(get("/engine-rest/task", user, PASSWORD).statusCode()).isEqualTo(429);

        // The account is delayed, never locked: its lock ends at most a minute after the last counted attempt.
        Timestamp lockEnds = jdbc.queryForObject("select lock_exp_time_ from act_id_user where id_ = ?", Timestamp.class, user);
        assertThat(lockEnds).isNotNull();
        assertThat(lockEnds.toInstant()).isBeforeOrEqualTo(clock.plusSeconds(60));

        // After the address's Retry-After and the account's delay, the genuine user logs in and the delay is reset.
        Thread.sleep(Duration.ofSeconds(Long.parseLong(lastEngineRest.headers().firstValue("Retry-After").orElseThrow()))
                .toMillis());
        ClockUtil.setCurrentTime(Date.from(clock.plusSeconds(61)));
        assertThat(get("/engine-rest/task?maxResults=50", user, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(attempts(user)).isZero();
        assertThat(jdbc.queryForObject("select lock_exp_time_ from act_id_user where id_ = ?", Timestamp.class, user))
                .isNull();
    }

    private void assertTooManyRequests(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(429);
        assertThat(body.path("message").asText()).contains(message).contains("try again in");
    }

    private int attempts(String user) {
        Integer attempts = jdbc.queryForObject("select attempts_ from act_id_user where id_ = ?", Integer.class, user);
        return attempts == null ? 0 : attempts;
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private HttpResponse<String> register(Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/registrations")))
                .header("X-Forwarded-For", source).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The request Tasklist's login form sends, with the CSRF token of the session it opened. */
    private HttpResponse<String> webappLogin(String user, String password) throws Exception {
        String token = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("X-Forwarded-For", source).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return get(path, source, user, password);
    }

    private HttpResponse<String> get(String path, String from, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", from).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

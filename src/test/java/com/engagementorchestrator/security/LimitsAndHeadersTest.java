package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.PortalClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Item 11 of the hardening: query and body limits, the cap on a client's open engagements, the engine's operational
 * data closed to clients, and the security headers of our own pages; all over real HTTP.
 */
@IntegrationTest
class LimitsAndHeadersTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void engineListQueriesMustPage() throws Exception {
        HttpResponse<String> unbounded = get("/engine-rest/task", "moderator", "moderator");
        assertThat(unbounded.statusCode()).isEqualTo(400);
        assertThat(unbounded.body()).contains("unbound number of results is forbidden");
        HttpResponse<String> beyond = get("/engine-rest/process-instance?firstResult=0&maxResults=5000", "moderator", "moderator");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("Max results limit of 2000 exceeded");
        assertThat(get("/engine-rest/history/process-instance?maxResults=2001", "moderator", "moderator").statusCode())
                .isEqualTo(400);
        assertThat(get("/engine-rest/task?firstResult=0&maxResults=2000", "moderator", "moderator").statusCode()).isEqualTo(200);
        // counts are not lists
        assertThat(get("/engine-rest/task/count", "moderator", "moderator").statusCode()).isEqualTo(200);
    }

    @Test
    void tasklistAndCockpitStillWorkWithTheLimit() throws Exception {
        Webapp tasklist = login("tasklist", "moderator", "moderator");
        // what Tasklist loads on its start page: the filters (counted, then listed in pages of 2000), a page of tasks
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter/count?itemCount=false&resourceType=Task")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> filters = tasklist.get(
                "/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task");
        assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
        String filterId = json.readTree(filters.body()).get(0).path("id").asText();
        HttpResponse<String> page = tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15", "{}");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> definitions = tasklist.get(
                "/camunda/api/engine/engine/default/process-definition?latest=true&active=true&firstResult=0&maxResults=15");
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);

        Webapp cockpit = login("cockpit", "demo", "demo");
        // Cockpit's dashboard and process list
        HttpResponse<String> statistics = cockpit.get(
                "/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true");
        assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
        HttpResponse<String> processes = cockpit.get(
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50");
        assertThat(processes.statusCode()).as(processes.body()).isEqualTo(200);
    }

    @Test
    void engineRequestBodiesAreLimited() throws Exception {
        // a query body of 3 MB, announced: refused before it is read
        RawResponse announced = raw("POST", "/engine-rest/task", "moderator", "moderator", 3 * 1024 * 1024);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(json.readTree(announced.body()).path("message").asText()).isEqualTo("The request body is larger than 1 MB");

        // the same, chunked (no length announced)
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/process-instance/count")))
                .header("Authorization", basic("moderator", "moderator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("larger than 1 MB");

        // a large body without a length is not held in memory before authentication: it must announce its length
        HttpResponse<String> chunkedSubmission = http.send(HttpRequest.newBuilder(
                        URI.create(url("/engine-rest/task/no-such-task/submit-form")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedSubmission.statusCode()).isEqualTo(411);
        assertThat(json.readTree(chunkedSubmission.body()).path("message").asText())
                .isEqualTo("A request body larger than 1 MB needs a Content-Length header");

        // Tasklist's uploads: Base64 JSON of a 25 MB file (about 34 MB) may be submitted; more may not
        RawResponse overSubmission = raw("POST", "/engine-rest/task/no-such-task/submit-form", "moderator", "moderator",
                41 * 1024 * 1024);
        assertThat(overSubmission.status()).isEqualTo(413);
        assertThat(overSubmission.body()).contains("larger than 40 MB");
        RawResponse overTasklist = raw("POST", "/camunda/api/engine/engine/default/task/no-such-task/submit-form", null, null,
                41 * 1024 * 1024);
        assertThat(overTasklist.status()).isEqualTo(413);

        byte[] upload = ("{\"variables\": {\"file\": {\"type\": \"File\", \"value\": \""
                + "A".repeat(34 * 1024 * 1024) + "\", \"valueInfo\": {\"filename\": \"x.pdf\"}}}}").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> large = http.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/task/no-such-task/submit-form")))
                .header("Authorization", basic("moderator", "moderator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
        // passed the limit and reached the engine, which does not know the task
        assertThat(large.statusCode()).isNotEqualTo(413);
        assertThat(large.body()).contains("no-such-task");
    }

    @Test
    void aClientHasAtMostFiveOpenEngagements() throws Exception {
        String email = register("capped");
        for (int i = 2; i <= 5; i++) {
            assertThat(startEngagement(email).statusCode()).as("engagement %d", i).isEqualTo(201);
        }
        HttpResponse<String> sixth = startEngagement(email);
        assertThat(sixth.statusCode()).isEqualTo(409);
        assertThat(json.readTree(sixth.body()).path("message").asText())
                .isEqualTo("You have 5 open engagements, the most a client can have at once; a new one can start when one "
                        + "of them has ended");
    }

    @Test
    void clientsCannotUseTheEngineApiOrTheWebappsAtAll() throws Exception {
        String client = register("nosy");
        String definitionId = json.readTree(get("/engine-rest/process-definition?key=engagement&latestVersion=true&maxResults=1",
                "moderator", "moderator").body()).get(0).path("id").asText();
        List<String> operational = List.of(
                "/engine-rest/metrics/activity-instance-start/sum",
                "/engine-rest/metrics?maxResults=10",
                "/engine-rest/process-definition/statistics",
                "/engine-rest/process-definition/" + definitionId + "/statistics",
                "/engine-rest/process-definition/key/engagement/statistics",
                "/engine-rest/history/process-definition/" + definitionId + "/statistics",
                "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
                "/engine-rest/history/task/report?reportType=count&groupBy=processDefinition",
                "/engine-rest/history/process-definition/cleanable-process-instance-report?maxResults=10",
                "/engine-rest/job-definition?maxResults=10",
                "/engine-rest/job?maxResults=10",
                "/engine-rest/incident?maxResults=10",
                "/engine-rest/history/incident?maxResults=10",
                "/engine-rest/history/job-log?maxResults=10",
                "/engine-rest/batch?maxResults=10",
                "/engine-rest/external-task?maxResults=10",
                "/engine-rest/engine/default/metrics/activity-instance-start/sum",
                "/engine-rest/engine/default/process-definition/statistics");
        for (String path : operational) {
            HttpResponse<String> asClient = get(path, client, PASSWORD);
            PortalClient.assertSentToThePortal(asClient);
            assertThat(json.readTree(asClient.body()).path("type").asText()).isEqualTo("AuthorizationException");
            assertThat(get(path, "demo", "demo").statusCode()).as("admin: GET " + path).isEqualTo(200);
        }
        // Not even their own tasks, profile or password: the portal is where clients work (and reset their password).
        PortalClient.assertSentToThePortal(get("/engine-rest/task?maxResults=10", client, PASSWORD));
        PortalClient.assertSentToThePortal(get("/engine-rest/user/" + client + "/profile", client, PASSWORD));
        HttpResponse<String> password = http.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + client
                        + "/credentials")))
                .header("Authorization", basic(client, PASSWORD)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"password\": \"another-horse-battery-9\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        PortalClient.assertSentToThePortal(password);
        assertThat(get("/api/portal/tasks", client, PASSWORD).statusCode()).as("the old password still holds").isEqualTo(200);

        // No webapp lets a client in, so Tasklist's engine API and the Cockpit plugins have no session to answer.
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            Webapp webapp = new Webapp();
            webapp.csrf = webapp.get("/camunda/app/" + app + "/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            PortalClient.assertSentToThePortal(webapp.logIn(app, client, PASSWORD));
            assertThat(webapp.get("/camunda/api/engine/engine/default/process-definition/statistics").statusCode())
                    .as(app).isEqualTo(401);
            assertThat(webapp.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics?maxResults=10")
                    .statusCode()).as(app).isEqualTo(401);
            assertThat(webapp.get("/camunda/api/admin/auth/user/default").statusCode()).as(app).isEqualTo(404);
        }
        // Staff sign in as before.
        assertThat(login("tasklist", "moderator", "moderator")
                .post("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void ourPagesCarryAContentSecurityPolicy() throws Exception {
        for (String path : List.of("/", "/register", "/register.html", "/assets/register.js", "/assets/style.css")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html,*/*")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
            assertThat(page.headers().allValues("Content-Security-Policy")).as(path)
                    .containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        // Camunda's webapps send their own policy, and only that one
        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/")))
                .header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1)
                .noneMatch(SecurityConfiguration.CONTENT_SECURITY_POLICY::equals);
    }

    // --- helpers

    private String register(String name) throws Exception {
        String email = Intakes.uniqueEmail(name);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/registrations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Intakes.clean(email)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return email;
    }

    private HttpResponse<String> startEngagement(String email) throws Exception {
        Map<String, Object> project = Intakes.clean(email);
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/engagements")))
                .header("Authorization", basic(email, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(project))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A logged-in session of Camunda's webapps, as the browser has it (session cookie and CSRF token). */
    private final class Webapp {
        final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        String csrf;

        HttpResponse<String> get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> getUnchecked(String path) {
            try {
                return get(path);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> logIn(String app, String user, String password) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/" + app)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Webapp login(String app, String user, String password) throws Exception {
        Webapp webapp = new Webapp();
        HttpResponse<String> start = webapp.get("/camunda/app/" + app + "/default/");
        webapp.csrf = start.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = webapp.logIn(app, user, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session with a new token
        webapp.csrf = login.headers().firstValue("X-XSRF-TOKEN")
                .orElseGet(() -> webapp.getUnchecked("/camunda/api/admin/auth/user/default").headers().firstValue("X-XSRF-TOKEN")
                        .orElseThrow());
        JsonNode auth = json.readTree(login.body());
        assertThat(auth.path("userId").asText()).isEqualTo(user);
        return webapp;
    }

    record RawResponse(int status, String body) {
    }

    /** A request that announces a body of the given length and sends none: the limit must answer from the header. */
    private RawResponse raw(String method, String path, String user, String password, long announcedLength) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (user == null ? "" : "Authorization: " + basic(user, password) + "\r\n")
                    + "Content-Length: " + announcedLength + "\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // the server answers before the announced body; read the answer, not up to the end of the connection
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            String response = "";
            while (!complete(response)) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                response = received.toString(StandardCharsets.UTF_8);
            }
            int status = Integer.parseInt(response.substring(9, 12));
            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new RawResponse(status, body.trim());
        }
    }

    private static boolean complete(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = response.substring(0, headEnd).toLowerCase();
        var length = java.util.regex.Pattern.compile("content-length: (\\d+)").matcher(head);
        if (length.find()) {
            return response.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
        }
        return response.endsWith("\r\n0\r\n\r\n");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

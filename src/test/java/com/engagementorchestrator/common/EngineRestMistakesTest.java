package com.engagementorchestrator.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.PortalClient;
import com.engagementorchestrator.support.RegistryStubs;
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
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A user's mistake through the engine's REST APIs (/engine-rest and Tasklist's /camunda/api/engine, both for staff)
 * and through the client portal is a 4xx naming the fields, changes nothing and is logged without a stack trace.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestMistakesTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ApplicationContext context;
    Journeys journeys;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void journeys() {
        journeys = new Journeys(context);
    }

    @Test
    void aWrongUploadThroughEngineRestIs400NamingTheFieldAndLeavesTheTask(CapturedOutput output) throws Exception {
        ProcessInstance instance = journeys.accepted(body -> { });
        Task task = task(instance, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        int logged = output.length();

        // Staff may complete a client's task over the engine REST API (the client works in the portal).
        HttpResponse<String> response = send("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                textFileAsAuthorityDocument(), basic("moderator", "moderator"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("InvalidInputException");
        assertThat(body.path("message").asText()).contains("authorityDocument").contains("only")
                .doesNotContain("ENGINE-").doesNotContain("Exception");
        assertThat(body.path("fields").get(0).path("field").asText()).isEqualTo("authorityDocument");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(output.toString().substring(logged)).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-03051")
                .doesNotContain("\tat org.camunda").contains("Refused with 400");
    }

    @Test
    void theClientsWrongUploadThroughThePortalIs400NamingTheFieldAndLeavesTheTask(CapturedOutput output) throws Exception {
        ProcessInstance instance = journeys.accepted(body -> { });
        Task task = task(instance, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        int logged = output.length();

        HttpResponse<String> response = new PortalClient(http, json, port, journeys.email, PASSWORD).upload(task.getId(),
                Map.of("authorityDocument", "just some text, not a document".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("message").asText()).contains("authorityDocument").doesNotContain("ENGINE-");
        assertThat(body.path("fields").get(0).path("field").asText()).isEqualTo("authorityDocument");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(output.toString().substring(logged)).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda");
        // The same upload over the engine REST API: a client is sent to the portal before anything is read.
        PortalClient.assertSentToThePortal(send("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                textFileAsAuthorityDocument(), basic(journeys.email, PASSWORD)));
    }

    @Test
    void aWrongUploadThroughTasklistsApiIs400Too(CapturedOutput output) throws Exception {
        ProcessInstance instance = journeys.accepted(body -> { });
        Task task = task(instance, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        Tasklist tasklist = new Tasklist("moderator", "moderator");
        int logged = output.length();

        HttpResponse<String> response = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId()
                + "/submit-form", textFileAsAuthorityDocument());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("message").asText()).contains("authorityDocument");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(output.toString().substring(logged)).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda");
    }

    @Test
    void anOverrideWithoutAReasonIs400NamingTheField(CapturedOutput output) throws Exception {
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> body.put("industry", "SEAFOOD"));
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        Task review = task(instance, EngagementProcess.Elements.REVIEW_SCREENING);
        int logged = output.length();

        HttpResponse<String> response = send("POST", "/engine-rest/task/" + review.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", Map.of(
                        "reviewDecision", Map.of("value", "ACCEPT", "type", "String"),
                        "observedPartnersSplit", Map.of("value", true, "type", "Boolean")))),
                basic("moderator", "moderator"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("fields").findValuesAsText("field")).containsExactly("overrideReason");
        assertThat(body.path("message").asText()).contains("needs a written reason");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
        assertThat(output.toString().substring(logged)).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda");
    }

    @Test
    void aNulCharacterInATextFieldIs400NamingIt() throws Exception {
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> body.put("industry", "SEAFOOD"));
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        Task review = task(instance, EngagementProcess.Elements.REVIEW_SCREENING);

        HttpResponse<String> response = send("POST", "/engine-rest/task/" + review.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", Map.of(
                        "reviewDecision", Map.of("value", "ACCEPT", "type", "String"),
                        "callNotes", Map.of("value", "fine\u0000", "type", "String")))),
                basic("moderator", "moderator"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("fields").findValuesAsText("field")).containsExactly("callNotes");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
    }

    @Test
    void deletingATaskOfARunningProcessIs400(CapturedOutput output) throws Exception {
        ProcessInstance instance = journeys.accepted(body -> { });
        Task task = task(instance, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        int logged = output.length();

        HttpResponse<String> response = send("DELETE", "/engine-rest/task/" + task.getId(), null, basic("demo", "demo"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("message").asText()).contains("cannot be deleted");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(output.toString().substring(logged)).doesNotContain("\tat org.camunda");
    }

    @Test
    void evaluatingConditionsThatMatchNothingIs400() throws Exception {
        HttpResponse<String> empty = send("POST", "/engine-rest/condition", "{}", basic("demo", "demo"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).path("message").asText()).isNotBlank();

        HttpResponse<String> unmatched = send("POST", "/engine-rest/condition",
                "{\"variables\": {\"nothing\": {\"value\": 1, \"type\": \"Integer\"}}}", basic("demo", "demo"));
        assertThat(unmatched.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unmatched.body()).path("message").asText()).contains("No conditional start event");

        HttpResponse<String> malformed = send("POST", "/engine-rest/condition", "{\"variables\": 7", basic("demo", "demo"));
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    void aHostileFileNameIsCleanedOnUploadAndTheDocumentDownloads() throws Exception {
        ProcessInstance instance = journeys.accepted(body -> { });
        Task task = task(instance, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        String hostile = "../../etc/\u0000evil\r\nSet-Cookie: x=1\u202Efdp." + "a".repeat(300) + ".pdf";

        // A name no multipart header can carry (CR LF), so through the engine REST API, by a moderator on the
        // client's behalf; the client downloads it below.
        HttpResponse<String> upload = send("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", Map.of("authorityDocument", Map.of(
                        "value", Base64.getEncoder().encodeToString(Journeys.PDF), "type", "File",
                        "valueInfo", Map.of("filename", hostile, "mimetype", "application/pdf"))))),
                basic("moderator", "moderator"));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(204);

        String number = journeys.engagement(instance).getNumber();
        JsonNode document = json.readTree(send("GET", "/api/engagements/" + number, null, basic("moderator", "moderator"))
                .body()).path("authority").path("documents").get(0);
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + document.path("url").asText())).header("Authorization", basic(journeys.email, PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Journeys.PDF);
        assertThat(download.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("x="));
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment").contains("filename").contains(".pdf")
                .doesNotContain("..").doesNotContain("/").doesNotContain("\r").doesNotContain("\n");
        String stored = document.path("fileName").asText();
        assertThat(stored).startsWith("evilSet-Cookie_ x=1fdp.aaa").endsWith(".pdf").hasSize(UploadedFiles.MAX_NAME_LENGTH);
    }

    @Test
    void fileNamesAreCleaned() {
        assertThat(UploadedFiles.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadedFiles.cleanName("..\\..\\boot.ini")).isEqualTo("boot.ini");
        assertThat(UploadedFiles.cleanName("a\u0000b\r\nc.pdf")).isEqualTo("abc.pdf");
        assertThat(UploadedFiles.cleanName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(UploadedFiles.cleanName("../")).isEqualTo("document");
        assertThat(UploadedFiles.cleanName("   ")).isEqualTo("document");
        assertThat(UploadedFiles.cleanName(null)).isEqualTo("document");
        assertThat(UploadedFiles.cleanName("Договор №5.pdf")).isEqualTo("Договор №5.pdf");
        String longName = UploadedFiles.cleanName("x".repeat(500) + ".docx");
        assertThat(longName).hasSize(UploadedFiles.MAX_NAME_LENGTH).endsWith(".docx");
        assertThat(UploadedFiles.attachment("a\"b\r\n.pdf")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void aDateNoColumnHoldsIs400NamingTheField() throws Exception {
        String number = journeys.accepted(body -> { }).getBusinessKey();
        String protocol = json.writeValueAsString(Map.of("meetingDate", "2026-11-20",
                "participants", java.util.List.of("Olga (client)"), "decisions", java.util.List.of("Launch"),
                "agreements", java.util.List.of(Map.of("owedBy", "CLIENT", "what", "Send photos", "dueDate", "+999999999-12-31"))));

        HttpResponse<String> response = send("POST", "/api/engagements/" + number + "/protocols", protocol,
                basic("moderator", "moderator"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("fields").findValuesAsText("field"))
                .containsExactly("agreements[0].dueDate");
        assertThat(Time.parseDate("2027-03-31")).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
    }

    @Test
    void realFaultsStayServerErrors() {
        assertThat(UserErrors.refusal(new IllegalStateException("broken"))).isEmpty();
        assertThat(UserErrors.refusal(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 x",
                new IllegalStateException("broken")))).isEmpty();
        assertThat(UserErrors.refusal(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 x",
                new InvalidInputException("f", "wrong")))).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void ourApiAnswersWrappedMistakesAsTheMistakeAndHidesOtherEngineFailures() {
        ApiErrorHandler handler = new ApiErrorHandler();
        var wrapped = handler.engine(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 listener failed",
                new ConflictException("Protocol P-1 awaits no signature")));
        assertThat(wrapped.getStatusCode().value()).isEqualTo(409);
        assertThat(wrapped.getBody().message()).isEqualTo("Protocol P-1 awaits no signature");
        var fault = handler.engine(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03004 insert into ACT_RU_TASK",
                new java.sql.SQLException("ERROR: value too long")));
        assertThat(fault.getStatusCode().value()).isEqualTo(500);
        assertThat(fault.getBody().message()).doesNotContain("ACT_RU").doesNotContain("ERROR");
    }

    private String textFileAsAuthorityDocument() throws Exception {
        return json.writeValueAsString(Map.of("variables", Map.of("authorityDocument", Map.of(
                "value", Base64.getEncoder().encodeToString("just some text, not a document".getBytes(StandardCharsets.UTF_8)),
                "type", "File",
                "valueInfo", Map.of("filename", "authority.pdf", "mimetype", "application/pdf")))));
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance)).taskDefinitionKey(key).singleResult();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A Tasklist session as the browser has it: session cookie plus Camunda's CSRF token. */
    private final class Tasklist {
        final CookieManager cookies = new CookieManager();
        final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();

        Tasklist(String user, String password) throws Exception {
            browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("X-XSRF-TOKEN", token())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("Tasklist login: %s", login.body()).isEqualTo(200);
            browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/")).build(), HttpResponse.BodyHandlers.discarding());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return browser.send(HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", token())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .reduce((first, second) -> second).map(HttpCookie::getValue).orElseThrow();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}

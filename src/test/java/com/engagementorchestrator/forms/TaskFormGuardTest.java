package com.engagementorchestrator.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.protocol.ProtocolProcess;
import com.engagementorchestrator.security.AccessGroups;
import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.PortalClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A client can do only what their own task offers: the portal's API submits under the engine's form guard, and the
 * engine REST API and Tasklist refuse a client altogether. Over real HTTP on PostgreSQL.
 */
@IntegrationTest
class TaskFormGuardTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired AuthorityService authority;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Party alice;
    Party bob;

    record Party(String email, String number, long engagementId, ProcessInstance instance) {
    }

    @BeforeEach
    void twoClientsWaitingToProveSigningAuthority() {
        alice = party();
        bob = party();
    }

    @Test
    void aSubmissionCarryingAnythingButTheFormsFieldsIsRefusedAndChangesNothing() throws Exception {
        Task own = authorityTask(alice);
        PortalClient portal = portal(alice);

        var withForeignId = portal.upload(own.getId(), Map.of("authorityDocument", Journeys.PDF,
                EngagementProcess.Variables.ENGAGEMENT_ID.name(), String.valueOf(bob.engagementId())));
        assertThat(withForeignId.statusCode()).isEqualTo(400);
        assertThat(withForeignId.body()).contains("engagementId").contains("nothing was changed");

        var reassigning = portal.upload(own.getId(), Map.of("authorityDocument", Journeys.PDF,
                EngagementProcess.Variables.CLIENT_USER_ID.name(), bob.email(), "somethingElse", "x"));
        assertThat(reassigning.statusCode()).isEqualTo(400);
        assertThat(reassigning.body()).contains("clientUserId").contains("somethingElse");

        // The engine REST API is closed to clients altogether, writes included.
        Map<String, Object> upload = Map.of("type", "File",
                "value", Base64.getEncoder().encodeToString(Journeys.PDF),
                "valueInfo", Map.of("filename", "order.pdf", "mimeType", "application/pdf"));
        for (String action : List.of("complete", "submit-form")) {
            PortalClient.assertSentToThePortal(post("/engine-rest/task/" + own.getId() + "/" + action,
                    Map.of("variables", Map.of("authorityDocument", upload,
                            EngagementProcess.Variables.ENGAGEMENT_ID.name(), Map.of("value", bob.engagementId(), "type", "Long"))),
                    alice.email()));
        }
        PortalClient.assertSentToThePortal(send("PUT", "/engine-rest/task/" + own.getId() + "/variables/engagementId",
                Map.of("value", bob.engagementId(), "type", "Long"), alice.email(), PASSWORD));
        PortalClient.assertSentToThePortal(post("/engine-rest/task/" + own.getId() + "/variables",
                Map.of("modifications", Map.of("clientUserId", Map.of("value", bob.email()))), alice.email()));

        // Nothing changed: the task waits, no document is stored, the ids are as the process set them.
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
        assertThat(authority.documents(alice.engagementId())).isEmpty();
        assertThat(authority.documents(bob.engagementId())).isEmpty();
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(alice.instance(), "engagementId")).isEqualTo(alice.engagementId());
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(alice.instance(), "clientUserId")).isEqualTo(alice.email());

        // The form's own field goes through, and the document lands on the task's own engagement.
        assertThat(portal.upload(own.getId(), Map.of("authorityDocument", Journeys.PDF)).statusCode()).isEqualTo(204);
        assertThat(authority.documents(alice.engagementId())).hasSize(1);
        assertThat(authority.documents(bob.engagementId())).isEmpty();
    }

    @Test
    void theGuardRefusesVariableWritesOutsideTheFormEvenInsideTheEngine() {
        // The engine applies the guard to every caller, not only to the portal: a client's write outside the form
        // is refused even if some surface ever passed it on.
        Task own = authorityTask(alice);
        identity.setAuthentication(alice.email(), List.of(AccessGroups.CLIENTS));
        try {
            assertThatThrownBy(() -> tasks.setVariable(own.getId(), "engagementId", bob.engagementId()))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("engagementId");
            assertThatThrownBy(() -> tasks.handleBpmnError(own.getId(), "OBLIGATION_DEADLINE_PASSED"))
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> tasks.handleEscalation(own.getId(), "anything"))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(alice.instance(), "engagementId")).isEqualTo(alice.engagementId());
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
    }

    @Test
    void signingOnesOwnTaskCannotSignAnotherEngagementsProtocol() throws Exception {
        String aliceProtocol = protocolFor(alice);
        String bobProtocol = protocolFor(bob);
        Task aliceSigns = tasks.createTaskQuery().processDefinitionKey(ProtocolProcess.KEY)
                .taskDefinitionKey(ProtocolProcess.Elements.SIGN_AS_CLIENT).taskAssignee(alice.email()).singleResult();
        PortalClient portal = portal(alice);

        var forged = portal.submit(aliceSigns.getId(), Map.of("protocolDecision", "SIGN",
                "protocolId", Long.parseLong(bobProtocol)));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("protocolId");
        assertThat(signaturesOf(bobProtocol)).isEmpty();
        assertThat(signaturesOf(aliceProtocol)).isEmpty();

        // A read-only field of the form is shown, never taken: the submitted text is dropped.
        var signed = portal.submit(aliceSigns.getId(), Map.of("protocolDecision", "SIGN",
                "protocolText", "We agreed on nothing"));
        assertThat(signed.statusCode()).isEqualTo(204);
        assertThat(signaturesOf(aliceProtocol)).hasSize(1);
        assertThat(signaturesOf(bobProtocol)).isEmpty();
        assertThat(json.readTree(get("/api/protocols/" + aliceProtocol, "moderator", "moderator").body()).toString())
                .doesNotContain("We agreed on nothing");
    }

    @Test
    void aClientCannotSignIntoTasklistNorUseItsEngineApi() throws Exception {
        Task own = authorityTask(alice);
        for (String app : List.of("tasklist", "welcome", "cockpit")) {
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
            browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/"))).build(),
                    HttpResponse.BodyHandlers.discarding());
            var login = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/" + app)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(alice.email(), StandardCharsets.UTF_8)
                            + "&password=" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            PortalClient.assertSentToThePortal(login);

            // No session came of it: Tasklist's engine API does not know the client.
            String csrf = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/engine/engine/")))
                    .header("X-XSRF-TOKEN", "Fetch").build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> xsrf(cookies));
            var user = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default")))
                    .header("X-XSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(user.statusCode()).as(app + ": " + user.body()).isEqualTo(404);
            var forged = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/engine/engine/default/task/"
                            + own.getId() + "/submit-form")))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", Map.of(
                            "engagementId", Map.of("value", bob.engagementId(), "type", "Long")))))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as(app + ": " + forged.body()).isEqualTo(401);
        }
        // A wrong password is answered as for anyone: it does not tell who is a client.
        var wrong = http.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(bob.email(), StandardCharsets.UTF_8)
                        + "&password=wrong")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isIn(401, 403);
        assertThat(wrong.body()).doesNotContain("/portal");
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
        assertThat(com.engagementorchestrator.support.EngagementAssert.variable(alice.instance(), "engagementId")).isEqualTo(alice.engagementId());
    }

    @Test
    void aClientReadsOnlyWhatTheirFormShows() throws Exception {
        protocolFor(alice);
        Task aliceSigns = tasks.createTaskQuery().processDefinitionKey(ProtocolProcess.KEY)
                .taskDefinitionKey(ProtocolProcess.Elements.SIGN_AS_CLIENT).taskAssignee(alice.email()).singleResult();
        List<String> names = new java.util.ArrayList<>();
        portal(alice).shownVariables(aliceSigns.getId()).fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain("engagementId", "protocolId", "clientUserId", "protocolSha256")
                .contains("protocolText");
        // The engine's variable endpoints do not answer a client at all.
        for (String path : List.of("/variables", "/form-variables", "/localVariables", "/variables/engagementId")) {
            PortalClient.assertSentToThePortal(get("/engine-rest/task/" + aliceSigns.getId() + path, alice.email()));
        }

        // The screening's internal notes stay with the moderators: the client's authority task shows none of them.
        Task authorityTask = authorityTask(bob);
        // On the instance the task is in (the signing-authority phase), where the task sees its variables.
        runtime.setVariable(authorityTask.getProcessInstanceId(), "callNotes", "Sounded evasive about the budget");
        JsonNode own = portal(bob).shownVariables(authorityTask.getId());
        assertThat(own.has("callNotes")).isFalse();
        assertThat(own.has("screeningVerdict")).isFalse();
        JsonNode moderatorView = json.readTree(get("/engine-rest/task/" + authorityTask.getId() + "/variables", "moderator",
                "moderator").body());
        assertThat(moderatorView.has("callNotes")).isTrue();

        // Our API tells the client the verdict, not the markers, the reasons or who reviewed.
        JsonNode engagement = json.readTree(get("/api/engagements/" + bob.number(), bob.email()).body());
        assertThat(engagement.path("screening").path("verdict").asText()).isEqualTo("ACCEPT");
        assertThat(engagement.path("screening").has("markers")).isFalse();
        assertThat(engagement.path("screening").has("score")).isFalse();
        assertThat(json.readTree(get("/api/engagements/" + bob.number(), "moderator", "moderator").body())
                .path("screening").has("markers")).isTrue();
    }

    @Test
    void objectsAreRefusedFromSubmissionsAndNeverDeserializedIntoArbitraryTypes() throws Exception {
        protocolFor(alice);
        Task aliceSigns = tasks.createTaskQuery().processDefinitionKey(ProtocolProcess.KEY)
                .taskDefinitionKey(ProtocolProcess.Elements.SIGN_AS_CLIENT).taskAssignee(alice.email()).singleResult();
        var object = portal(alice).submit(aliceSigns.getId(), Map.of(
                "protocolDecision", Map.of("objectTypeName", "java.net.URL", "value", "http://attacker.example")));
        assertThat(object.statusCode()).isEqualTo(400);
        assertThat(object.body()).contains("Objects are not accepted").contains("protocolDecision");
        assertThat(tasks.createTaskQuery().taskId(aliceSigns.getId()).count()).isEqualTo(1);

        // Even where staff may write objects, the engine deserializes only its allow-list of JDK value types.
        runtime.setVariable(alice.instance().getId(), "planted", Variables.serializedObjectValue("\"http://attacker.example\"")
                .objectTypeName("java.net.URL").serializationDataFormat("application/json").create());
        assertThatThrownBy(() -> com.engagementorchestrator.support.EngagementAssert.variable(alice.instance(), "planted"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.net.URL");
    }

    @Test
    void anUnknownTaskIsNotFound() throws Exception {
        var missing = portal(alice).submit("no-such-task", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no-such-task");
        assertThat(portal(alice).task("no-such-task").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientCannotThrowErrorsOrEscalationsFromTheirTask() throws Exception {
        Task own = authorityTask(alice);
        PortalClient.assertSentToThePortal(post("/engine-rest/task/" + own.getId() + "/bpmnError",
                Map.of("errorCode", "OBLIGATION_DEADLINE_PASSED"), alice.email()));
        PortalClient.assertSentToThePortal(post("/engine-rest/task/" + own.getId() + "/bpmnEscalation",
                Map.of("escalationCode", "anything"), alice.email()));
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
    }

    @Test
    void materialsForAnItemOfAnotherEngagementAreRefused() throws Exception {
        var journeys = new Journeys(context);
        ProcessInstance other = journeys.awaitingDeposit(body -> { });
        var deposits = context.getBean(com.engagementorchestrator.deposit.DepositService.class);
        var invoice = deposits.depositInvoice(journeys.engagement(other).getId());
        context.getBean(com.engagementorchestrator.deposit.PaymentService.class).record(
                new com.engagementorchestrator.deposit.PaymentService.ProviderPayment("pay-" + invoice.getNumber(),
                        invoice.getNumber(), invoice.getAmount(), invoice.getCurrency(), null), "{}");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(
                com.engagementorchestrator.support.EngagementAssert.task(EngagementProcess.Elements.PREPARE_BRIEF, other),
                org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables("briefItems",
                        "ANSWER | Who are your customers | " + LocalDate.now().plusDays(3)));
        var materials = context.getBean(com.engagementorchestrator.materials.MaterialsService.class);
        long ownItem = materials.items(journeys.engagement(other).getId()).get(0).getId();
        Task provide = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(other))
                .taskDefinitionKey(EngagementProcess.Elements.PROVIDE_MATERIALS).singleResult();
        PortalClient portal = new PortalClient(http, json, port, journeys.email, PASSWORD);

        var foreign = portal.upload(provide.getId(), Map.of(
                "answer_" + ownItem, "Small shops",
                "answer_" + (ownItem + 1_000_000), "Planted"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("answer_" + (ownItem + 1_000_000));
        assertThat(tasks.createTaskQuery().taskId(provide.getId()).count()).isEqualTo(1);

        assertThat(portal.upload(provide.getId(), Map.of("answer_" + ownItem, "Small shops")).statusCode()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(provide.getId()).count()).isZero();
    }

    private PortalClient portal(Party party) {
        return new PortalClient(http, json, port, party.email(), PASSWORD);
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((a, b) -> b).orElseThrow().getValue();
    }

    private Party party() {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.accepted(body -> { });
        return new Party(journeys.email, instance.getBusinessKey(), journeys.engagement(instance).getId(), instance);
    }

    private Task authorityTask(Party party) {
        return tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(party.instance()))
                .taskDefinitionKey(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY).singleResult();
    }

    private String protocolFor(Party party) throws Exception {
        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("meetingDate", LocalDate.now().minusDays(1).toString());
        protocol.put("participants", List.of("Client", "Maria Moderator"));
        protocol.put("decisions", List.of("Launch on 1 March"));
        protocol.put("agreements", List.of(Map.of("owedBy", "CLIENT", "what", "Send the photos",
                "dueDate", LocalDate.now().plusDays(5).toString())));
        var created = send("POST", "/api/engagements/" + party.number() + "/protocols", protocol, "moderator", "moderator");
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asText();
    }

    private JsonNode signaturesOf(String protocolId) throws Exception {
        return json.readTree(get("/api/protocols/" + protocolId, "moderator", "moderator").body()).path("signatures");
    }

    private HttpResponse<String> post(String path, Object body, String user) throws Exception {
        return send("POST", path, body, user, PASSWORD);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return get(path, user, PASSWORD);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send("GET", path, null, user, password);
    }

    private HttpResponse<String> send(String method, String path, Object body, String user, String password) throws Exception {
        return BasicAuthHttp.send(http, json, port, method, path, body, user, password);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

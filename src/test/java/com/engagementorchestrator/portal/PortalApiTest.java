package com.engagementorchestrator.portal;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.protocol.ProtocolAgreement;
import com.engagementorchestrator.protocol.ProtocolContent;
import com.engagementorchestrator.protocol.ProtocolProcess;
import com.engagementorchestrator.protocol.ProtocolWorkflow;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The client portal's API over real HTTP with a session cookie: sign-in, engagements, tasks, submissions. */
@IntegrationTest
class PortalApiTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired ProtocolWorkflow protocols;

    @Test
    void aClientSignsInWithTheirRegistrationPasswordAndStaffAreSentToTasklist() throws Exception {
        Journeys journey = new Journeys(context);
        journey.accepted(intake -> { });
        PortalSession browser = new PortalSession(port, json);

        assertThat(browser.session().hasNonNull("user")).isFalse();
        assertThat(browser.get("/api/portal/tasks").statusCode()).isEqualTo(401);
        assertThat(browser.postWithoutCsrf("/api/portal/session", Map.of("email", journey.email, "password", PASSWORD))
                .statusCode()).as("sign-in without the session's CSRF token").isEqualTo(403);
        HttpResponse<String> moderator = new PortalSession(port, json).signIn("moderator", "moderator");
        assertThat(moderator.statusCode()).isEqualTo(403);
        assertThat(moderator.body()).contains("Tasklist");

        HttpResponse<String> signedIn = browser.signIn(journey.email, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(json.readTree(signedIn.body()).path("user").path("email").asText()).isEqualTo(journey.email);
        assertThat(browser.session().path("user").path("email").asText()).isEqualTo(journey.email);

        assertThat(browser.delete("/api/portal/session").statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/portal/tasks").statusCode()).isEqualTo(401);

        // Last: a wrong password delays the account's next log-in (the engine's brute-force protection).
        HttpResponse<String> wrong = new PortalSession(port, json).signIn(journey.email, "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong e-mail or password");
    }

    @Test
    void theEngagementListSaysThePhaseAndWhatTheClientOwesByWhen() throws Exception {
        Journeys journey = new Journeys(context);
        ProcessInstance instance = journey.awaitingDeposit(intake -> { });
        PortalSession browser = signedIn(journey.email);

        JsonNode engagements = browser.getJson("/api/portal/engagements");
        assertThat(engagements).hasSize(1);
        JsonNode engagement = engagements.get(0);
        assertThat(engagement.path("number").asText()).isEqualTo(instance.getBusinessKey());
        assertThat(engagement.path("phase").asText()).isEqualTo("DEPOSIT");
        assertThat(engagement.path("clientOwes").toString()).contains("pay the deposit invoice");
        assertThat(engagement.path("clientOwes").get(0).path("dueAt").asText()).isNotBlank();
        JsonNode invoice = engagement.path("invoices").get(0);
        assertThat(invoice.path("kind").asText()).isEqualTo("DEPOSIT");
        assertThat(invoice.path("payment").path("account").asText()).isEqualTo("40702810900000000001");
        assertThat(invoice.path("payment").path("reference").asText()).contains(invoice.path("number").asText());
        assertThat(invoice.path("payment").path("paymentLink").asText())
                .startsWith("https://pay.example.test/checkout?invoice=" + invoice.path("number").asText());
    }

    @Test
    void theClientUploadsTheAuthorityDocumentThroughThePortalAndTheFormGuardRefusesForeignFields() throws Exception {
        Journeys journey = new Journeys(context);
        ProcessInstance instance = journey.accepted(intake -> { });
        PortalSession browser = signedIn(journey.email);

        JsonNode open = browser.getJson("/api/portal/tasks");
        JsonNode authority = only(open, EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        assertThat(authority.path("form").asText()).isEqualTo("prove-signing-authority");
        assertThat(authority.path("engagementNumber").asText()).isEqualTo(instance.getBusinessKey());
        String taskId = authority.path("id").asText();

        HttpResponse<String> foreign = browser.multipart("/api/portal/tasks/" + taskId + "/submit",
                Map.of("authorityDocument", Journeys.PDF, "authorityDecision", "ACCEPTED"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("authorityDecision");
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);

        HttpResponse<String> withoutCsrf = browser.postWithoutCsrf("/api/portal/tasks/" + taskId + "/submit", Map.of());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        assertThat(browser.multipart("/api/portal/tasks/" + taskId + "/submit", Map.of("authorityDocument", Journeys.PDF))
                .statusCode()).isEqualTo(204);
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY);
        JsonNode overview = browser.getJson("/api/engagements/" + instance.getBusinessKey());
        String url = overview.path("authority").path("documents").get(0).path("url").asText();
        assertThat(browser.getBytes(url).body()).isEqualTo(Journeys.PDF);
    }

    @Test
    void anotherClientsTaskIsNotThereForYou() throws Exception {
        Journeys alice = new Journeys(context);
        ProcessInstance aliceInstance = alice.accepted(intake -> { });
        Journeys bob = new Journeys(context);
        bob.accepted(intake -> { });
        String aliceTask = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(aliceInstance)).singleResult().getId();

        PortalSession bobsBrowser = signedIn(bob.email);
        assertThat(bobsBrowser.get("/api/portal/tasks/" + aliceTask).statusCode()).isEqualTo(404);
        assertThat(bobsBrowser.multipart("/api/portal/tasks/" + aliceTask + "/submit",
                Map.of("authorityDocument", Journeys.PDF)).statusCode()).isEqualTo(404);
        assertThat(bobsBrowser.getJson("/api/portal/tasks").toString()).doesNotContain(aliceTask);
        assertThatEngagement(aliceInstance).isWaitingAt(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
    }

    @Test
    void aCamundaFormTaskComesWithItsSchemaAndOnlyItsFieldsAndIsSubmittedAsJson() throws Exception {
        Journeys journey = new Journeys(context);
        ProcessInstance instance = journey.working(intake -> { });
        long engagementId = journey.engagement(instance).getId();
        var protocol = protocols.open(engagementId, new ProtocolContent(LocalDate.now().minusDays(1), List.of("Olga", "Maria"),
                List.of("A catalogue with search"), List.of(new ProtocolContent.Agreement(ProtocolAgreement.Party.FREELANCER,
                "Deliver the catalogue design", LocalDate.now().plusDays(10))), List.of()), "moderator");
        PortalSession browser = signedIn(journey.email);

        JsonNode open = browser.getJson("/api/portal/tasks");
        JsonNode sign = only(open, ProtocolProcess.Elements.SIGN_AS_CLIENT);
        assertThat(sign.path("form").asText()).isEqualTo("form-js");
        assertThat(sign.path("engagementNumber").asText()).as("the protocol's own process names its engagement")
                .isEqualTo(instance.getBusinessKey());
        // A page of the same list, oldest first: the last task alone, then nothing past the end.
        JsonNode last = browser.getJson("/api/portal/tasks?firstResult=" + (open.size() - 1) + "&maxResults=1");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).path("id").asText()).isEqualTo(open.get(open.size() - 1).path("id").asText());
        assertThat(browser.getJson("/api/portal/tasks?firstResult=" + open.size())).isEmpty();
        assertThat(browser.get("/api/portal/tasks?maxResults=0").statusCode()).isEqualTo(400);
        JsonNode form = browser.getJson("/api/portal/tasks/" + sign.path("id").asText());
        assertThat(form.path("schema").path("id").asText()).isEqualTo("sign-protocol");
        assertThat(form.path("variables").path("protocolText").asText()).contains("A catalogue with search");
        assertThat(form.path("variables").has("engagementId")).as("only the form's variables").isFalse();
        assertThat(form.path("variables").has("clientUserId")).isFalse();

        String submit = "/api/portal/tasks/" + sign.path("id").asText() + "/submit";
        HttpResponse<String> foreign = browser.post(submit, Map.of("protocolDecision", "SIGN", "protocolId", 1));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("protocolId");
        assertThat(browser.post(submit, Map.of("protocolDecision", "SIGN", "protocolText", "changed by the client"))
                .statusCode()).as("a read-only field is dropped, not written").isEqualTo(204);
        assertThat(context.getBean(com.engagementorchestrator.protocol.ProtocolService.class).signaturesOf(protocol.getId()))
                .extracting(s -> s.getUserId()).containsExactly(journey.email);
        assertThat(browser.getJson("/api/portal/tasks").toString()).doesNotContain(sign.path("id").asText());
    }

    @Test
    void thePortalPageAndTheVendoredFormViewerAreServedWithoutLogin() throws Exception {
        PortalSession browser = new PortalSession(port, json);
        HttpResponse<String> page = browser.get("/portal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/portal/vendor/form-js/form-viewer.umd.js").doesNotContain("cdn");
        assertThat(browser.get("/portal/vendor/form-js/form-viewer.umd.js").body()).contains("FormViewer");
        assertThat(browser.get("/portal/portal.js").statusCode()).isEqualTo(200);
    }

    PortalSession signedIn(String email) throws Exception {
        PortalSession browser = new PortalSession(port, json);
        assertThat(browser.signIn(email, PASSWORD).statusCode()).isEqualTo(200);
        return browser;
    }

    static JsonNode only(JsonNode tasks, String key) {
        List<JsonNode> matching = StreamSupport.stream(tasks.spliterator(), false)
                .filter(t -> key.equals(t.path("key").asText())).toList();
        assertThat(matching).as("open tasks " + key + " in " + tasks).hasSize(1);
        return matching.get(0);
    }
}

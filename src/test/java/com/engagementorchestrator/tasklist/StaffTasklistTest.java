package com.engagementorchestrator.tasklist;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.delivery.DeliveryProcess;
import com.engagementorchestrator.delivery.DeliveryService;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.EngagementAssert;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.PortalClient;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11, item 2: Tasklist for moderators and freelancers. Task names and forms say which engagement, client and
 * company a task is about; only processes meant to be started are offered; Camunda's end-of-life banner is hidden;
 * staff signed into Tasklist open /api document links with that session; "Work delivered" is a freelancers' task.
 * Over real HTTP against the running application.
 */
@IntegrationTest
class StaffTasklistTest {

    static final String PASSWORD = "correct-horse-battery";
    static final String COMPANY = "Vector Solutions LLC";
    static final String CLIENT = "Olga Smirnova";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired DeliveryService deliveries;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void taskNamesAndFormsCarryTheEngagementClientAndCompany() throws Exception {
        Journeys journeys = new Journeys(context);
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> { });
        String number = instance.getBusinessKey();
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.REVIEW_SCREENING);

        JsonNode listed = json.readTree(get("/engine-rest/task?firstResult=0&maxResults=50&processInstanceBusinessKey=" + number, "moderator", "moderator").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("Hold the intro call · " + number + " · " + COMPANY);
        String taskId = listed.get(0).path("id").asText();

        JsonNode shown = json.readTree(get("/engine-rest/task/" + taskId + "/form-variables", "moderator", "moderator").body());
        assertThat(shown.path("contextEngagement").path("value").asText()).isEqualTo(number);
        assertThat(shown.path("contextClient").path("value").asText()).isEqualTo(CLIENT);
        assertThat(shown.path("contextCompany").path("value").asText()).isEqualTo(COMPANY);

        String form = get("/engine-rest/task/" + taskId + "/deployed-form", "moderator", "moderator").body();
        JsonNode fields = json.readTree(form).path("components");
        for (String key : List.of("contextEngagement", "contextClient", "contextCompany")) {
            JsonNode field = find(fields, key);
            assertThat(field).as(key).isNotNull();
            assertThat(field.path("readonly").asBoolean()).as(key + " read-only").isTrue();
        }
        // What the task only shows (its context, the screening brief) are copies of the domain's records: the engine
        // keeps no history of them, and keeps the rest's.
        Set<String> onlyShown = tasks.getVariablesLocal(taskId).keySet();
        assertThat(onlyShown).contains("contextEngagement", "contextClient", "contextCompany",
                EngagementProcess.Variables.INTAKE_SUMMARY.name(), EngagementProcess.Variables.MARKERS_SUMMARY.name());
        for (String key : onlyShown) {
            assertThat(ProcessVariable.isShown(key)).as(key + " declared onlyShown").isTrue();
            assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(taskId).variableName(key).count()).as(key)
                    .isZero();
        }
        assertThat(history.createHistoricDetailQuery().taskId(taskId).variableUpdates().list())
                .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
                .doesNotContainAnyElementsOf(onlyShown);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableName(EngagementProcess.Variables.ENGAGEMENT_ID.name()).count()).isEqualTo(1);
    }

    @Test
    void formsShowWordsNotCodesAndTheComplaintAnswerShowsWhatToCite() throws Exception {
        Journeys journeys = new Journeys(context);
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> {
            body.put("firstContactChannel", "VOICE_MESSAGE");
            body.put("decisionMaking", "SELF");
        });
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        Task call = EngagementAssert.task(EngagementProcess.Elements.REVIEW_SCREENING, instance);
        JsonNode shown = json.readTree(get("/engine-rest/task/" + call.getId() + "/form-variables", "moderator", "moderator").body());
        String intake = shown.path("intakeSummary").path("value").asText();
        assertThat(intake).contains("First contact: Voice message").contains("Decisions: The client decides alone")
                .doesNotContain("VOICE_MESSAGE").doesNotContain("SELF");
        assertThat(shown.path("ruleVerdict").path("value").asText()).isIn("Accept", "Review: a moderator decides", "Decline");

        journeys.acceptAfterIntroCall(instance);
        long engagementId = journeys.engagement(instance).getId();
        context.getBean(com.engagementorchestrator.complaint.ComplaintService.class)
                .raise(engagementId, journeys.email, "The draft came a week late");
        Task answer = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(com.engagementorchestrator.complaint.ComplaintProcess.Elements.ANSWER_COMPLAINT).singleResult();
        assertThat(answer.getName()).isEqualTo("Answer the complaint · " + instance.getBusinessKey() + " · " + COMPANY);
        JsonNode complaint = json.readTree(get("/engine-rest/task/" + answer.getId() + "/form-variables", "moderator",
                "moderator").body());
        assertThat(complaint.path("complaintProtocols").path("value").asText()).isEqualTo("No meeting protocol recorded for this engagement.");
        assertThat(complaint.path("complaintLetters").path("value").asText()).contains("to " + journeys.email);
        assertThat(complaint.path("contextClient").path("value").asText()).isEqualTo(CLIENT);
    }

    @Test
    void everyStaffFormShowsTheContextAndClientsCannotWriteIt() throws Exception {
        // The forms as deployed: every moderator's and freelancer's form shows the three read-only fields.
        List<String> staffForms = List.of("answer-complaint", "assess-change-request", "check-company-manually",
                "client-reply", "handle-complaint-escalation", "prepare-brief", "record-change-order", "review-block",
                "review-materials", "review-payment-order", "review-screening", "revise-protocol", "sign-protocol",
                "write-progress-report", "verify-signing-authority", "work-delivered");
        var repository = context.getBean(org.camunda.bpm.engine.RepositoryService.class);
        for (String form : staffForms) {
            String resource = "forms/" + form + ".form";
            var deployment = repository.createDeploymentQuery().orderByDeploymentTime().desc().unlimitedList().stream()
                    .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains(resource)).findFirst();
            assertThat(deployment).as(resource + " deployed").isPresent();
            String content = new String(repository.getResourceAsStream(deployment.get().getId(), resource).readAllBytes(),
                    StandardCharsets.UTF_8);
            JsonNode fields = json.readTree(content).path("components");
            for (String key : List.of("contextEngagement", "contextClient", "contextCompany")) {
                assertThat(find(fields, key)).as(form + " shows " + key).isNotNull();
                assertThat(find(fields, key).path("readonly").asBoolean()).as(form + ": " + key + " read-only").isTrue();
            }
        }

        // A client cannot set the context through their own task: it is no field of their form.
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.accepted(body -> { });
        Task own = EngagementAssert.task(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY, instance);
        assertThat(own.getName()).isEqualTo("Prove signing authority · " + instance.getBusinessKey() + " · " + COMPANY);
        var forged = new PortalClient(http, json, port, journeys.email, PASSWORD).upload(own.getId(),
                Map.of("authorityDocument", Journeys.PDF, "contextCompany", "Someone Else LLC"));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("contextCompany");
        PortalClient.assertSentToThePortal(send("PUT", "/engine-rest/task/" + own.getId() + "/localVariables/contextCompany",
                Map.of("value", "Someone Else LLC", "type", "String"), journeys.email, PASSWORD));
        assertThat(tasks.getVariableLocal(own.getId(), "contextCompany")).isEqualTo(COMPANY);
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isOne();
    }

    @Test
    void onlyTheMeetingProtocolIsOfferedToStart() throws Exception {
        JsonNode startable = json.readTree(get("/engine-rest/process-definition?startableInTasklist=true&latestVersion=true&firstResult=0&maxResults=100",
                "moderator", "moderator").body());
        List<String> keys = new ArrayList<>();
        startable.forEach(d -> keys.add(d.path("key").asText()));
        assertThat(keys).contains("protocol-signing").doesNotContain("engagement", "reminder-ladder", "client-block",
                "client-reply", "delivery-review", "progress-reports");

        // What is offered does not fail with a 500: an unknown engagement is the moderator's mistake, told as such.
        var unknown = send("POST", "/engine-rest/process-definition/key/protocol-signing/submit-form", Map.of("variables",
                Map.of("engagementNumber", Map.of("value", "ENG-1999-999999", "type", "String"))), "moderator", "moderator");
        assertThat(unknown.statusCode()).as(unknown.body()).isBetween(400, 499);

        // The processes the application starts cannot be started by hand either (they would fail without its data).
        for (String internal : List.of("engagement", "reminder-ladder", "client-block", "client-reply", "delivery-review",
                "progress-reports")) {
            var started = send("POST", "/engine-rest/process-definition/key/" + internal + "/start", Map.of(),
                    "moderator", "moderator");
            assertThat(started.statusCode()).as(internal + ": " + started.body()).isEqualTo(403);
            assertThat(started.body()).contains("started by the application itself");
            String id = json.readTree(get("/engine-rest/process-definition/key/" + internal, "moderator", "moderator").body())
                    .path("id").asText();
            assertThat(send("POST", "/engine-rest/process-definition/" + id + "/submit-form", Map.of("variables", Map.of()),
                    "moderator", "moderator").statusCode()).as(internal).isEqualTo(403);
        }
    }

    @Test
    void theEndOfLifeBannerIsHiddenInEveryWebapp() throws Exception {
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            var index = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(url("/camunda/app/" + app + "/"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.body()).as(app).contains("styles/user-styles.css");
            var styles = http.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/" + app + "/styles/user-styles.css")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(styles.statusCode()).as(app).isEqualTo(200);
            assertThat(styles.body().replaceAll("\\s+", " ")).as(app)
                    .contains(".ce-eol-banner { display: none !important; }");
        }
    }

    @Test
    void staffSignedIntoTasklistOpenDocumentLinksWithoutASecondPassword() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.accepted(body -> { });
        journeys.uploadAuthority(instance, "order.pdf", Journeys.PDF);
        Task verify = EngagementAssert.task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, instance);
        String link = (String) tasks.getVariableLocal(verify.getId(), "authorityDocumentUrl");
        assertThat(link).startsWith("/api/engagements/" + instance.getBusinessKey() + "/authority-documents/");

        // Without any sign-in: HTTP Basic is asked for.
        var anonymous = http.send(HttpRequest.newBuilder(URI.create(url(link))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // A moderator signed into Tasklist opens it with that session, no Authorization header.
        Session moderator = signIntoTasklist("moderator", "moderator");
        var opened = moderator.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(Journeys.PDF);
        // ... and writes to /api still need the CSRF token of /api: a forged cross-site POST is refused.
        assertThat(moderator.post("/api/engagements/" + instance.getBusinessKey() + "/protocols").statusCode()).isEqualTo(403);

        // The session's user keeps their own rules: a freelancer gets what HTTP Basic gives them.
        int freelancerWithBasic = send("GET", link, null, "freelancer", "freelancer").statusCode();
        assertThat(signIntoTasklist("freelancer", "freelancer").get(link).statusCode()).isEqualTo(freelancerWithBasic);

        // A client gets no Tasklist session (Tasklist sends them to the portal): they open the link with their own
        // sign-in (the portal's session, or HTTP Basic).
        Session client = new Session();
        PortalClient.assertSentToThePortal(tasklistLogin(client, journeys.email, PASSWORD));
        assertThat(client.get(link).statusCode()).isEqualTo(401);
        assertThat(send("GET", link, null, journeys.email, PASSWORD).statusCode()).isEqualTo(200);

        // Signing out of Tasklist ends it for /api too.
        moderator.logout();
        assertThat(moderator.get(link).statusCode()).isEqualTo(401);
    }

    @Test
    void workDeliveredIsTheFreelancersTaskCheckedLikeTheApi() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.working(body -> { });
        String number = instance.getBusinessKey();
        long engagementId = journeys.engagement(instance).getId();
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.WORK_DELIVERED);
        Task delivered = EngagementAssert.task(EngagementProcess.Elements.WORK_DELIVERED, instance);
        assertThat(EngagementAssert.task(EngagementProcess.Elements.WORK_DELIVERED, instance)).hasCandidateGroup("freelancers");
        assertThat(delivered.getName()).isEqualTo("Work delivered · " + number + " · " + COMPANY);

        // In the freelancers' queue: the freelancer sees it over the engine REST API, with its form.
        JsonNode queue = json.readTree(get("/engine-rest/task?firstResult=0&maxResults=50&candidateGroup=freelancers&processInstanceBusinessKey="
                + instance.getBusinessKey(),
                "freelancer", "freelancer").body());
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("taskDefinitionKey").asText()).isEqualTo(EngagementProcess.Elements.WORK_DELIVERED);
        assertThat(queue.get(0).path("camundaFormRef").path("key").asText()).isEqualTo("work-delivered");

        // A result still in review: the task refuses, as the API does, naming it.
        deliveries.upload(engagementId, "Home page design", "home.pdf", Journeys.PDF, "freelancer", null);
        delivered = EngagementAssert.task(EngagementProcess.Elements.WORK_DELIVERED, instance);
        var early = send("POST", "/engine-rest/task/" + delivered.getId() + "/submit-form", Map.of("variables", Map.of()),
                "freelancer", "freelancer");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("has not accepted every result yet").contains("Home page design (in review by the client)");
        var api = send("POST", "/api/engagements/" + number + "/work-delivered", null, "freelancer", "freelancer");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("Home page design (in review by the client)");
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.WORK_DELIVERED);

        // The client accepts; the freelancer completes the task in Tasklist: the final invoice goes out.
        tasks.createTaskQuery().taskDefinitionKey(DeliveryProcess.Elements.REVIEW_DELIVERY).taskAssignee(journeys.email)
                .list().forEach(t -> tasks.complete(t.getId(), Map.of("deliveryDecision", "ACCEPT")));
        // a later task of the engagement is named afresh; this one shows where the results stand
        JsonNode summary = json.readTree(get("/engine-rest/task/" + delivered.getId() + "/form-variables", "freelancer",
                "freelancer").body());
        assertThat(summary.path("contextEngagement").path("value").asText()).isEqualTo(number);
        var done = send("POST", "/engine-rest/task/" + delivered.getId() + "/submit-form", Map.of("variables", Map.of()),
                "freelancer", "freelancer");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThatEngagement(instance).hasPassed(EngagementProcess.Elements.WORK_DELIVERED, EngagementProcess.Elements.ISSUE_FINAL_INVOICE)
                .isWaitingAt(EngagementProcess.Elements.PAY_FINAL_INVOICE);
        assertThat(journeys.templatesSentFor(number)).contains("final.invoice");
        // the API finds nothing more to declare
        assertThat(send("POST", "/api/engagements/" + number + "/work-delivered", null, "freelancer", "freelancer")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void theApiDeclaresTheWorkDeliveredByCompletingTheSameTask() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.working(body -> { });
        var answer = send("POST", "/api/engagements/" + instance.getBusinessKey() + "/work-delivered", null,
                "freelancer", "freelancer");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThatEngagement(instance).hasPassed(EngagementProcess.Elements.WORK_DELIVERED).isWaitingAt(EngagementProcess.Elements.PAY_FINAL_INVOICE);
        var history = context.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(EngagementProcess.Elements.WORK_DELIVERED).singleResult();
        assertThat(history.getAssignee()).isEqualTo("freelancer");
        assertThat(history.getDeleteReason()).isEqualTo("completed");
    }

    /**
     * The final invoice is issued by the job after the request (an async continuation). In production the job
     * executor may not have run it when the answer is written: then 202, and the invoice follows. Here its jobs are
     * held, as an operator holds a job definition in Cockpit.
     */
    @Test
    void theApiAnswers202WhileTheFinalInvoiceIsStillToBeIssued() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance instance = journeys.working(body -> { });
        // The final payment phase, which issues the invoice first, starts in a job of its own.
        String invoiceJobs = management.createJobDefinitionQuery().processDefinitionId(instance.getProcessDefinitionId())
                .activityIdIn(EngagementProcess.Elements.FINAL_PAYMENT).singleResult().getId();
        management.suspendJobDefinitionById(invoiceJobs);
        try {
            var answer = send("POST", "/api/engagements/" + instance.getBusinessKey() + "/work-delivered", null,
                    "freelancer", "freelancer");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThatEngagement(instance).hasPassed(EngagementProcess.Elements.WORK_DELIVERED)
                    .isWaitingAt(EngagementProcess.Elements.FINAL_PAYMENT).hasNotPassed(EngagementProcess.Elements.ISSUE_FINAL_INVOICE);
        } finally {
            management.activateJobDefinitionById(invoiceJobs, true);
        }
        management.executeJob(com.engagementorchestrator.support.EngagementAssert
                .job(EngagementProcess.Elements.FINAL_PAYMENT, instance).getId());
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.PAY_FINAL_INVOICE);
    }

    /** An engagement started before "Work delivered" became a task waits for the message: the API still declares it. */
    @Test
    void theApiStillDeclaresDeliveryOfAnEngagementOfTheEarlierModel() throws Exception {
        var repository = context.getBean(org.camunda.bpm.engine.RepositoryService.class);
        byte[] earlier;
        try (var in = getClass().getResourceAsStream("/legacy/engagement-with-work-delivered-message.bpmn")) {
            earlier = in.readAllBytes();
        }
        var deployment = repository.createDeployment().name("engagement before the Work delivered task")
                .addInputStream("engagement.bpmn", new java.io.ByteArrayInputStream(earlier)).deploy();
        try {
            Journeys journeys = new Journeys(context);
            // Journeys.awaitingDeposit and startTheWork without their checks, which know the current models only: the
            // earlier model collects the deposit itself (PayDepositTask, message DepositReceived), not in collect-payment.
            ProcessInstance instance = journeys.accepted(body -> { });
            journeys.uploadAuthority(instance, "order.pdf", Journeys.PDF);
            BpmnAwareTests.complete(EngagementAssert.task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, instance),
                    Map.of("authorityDecision", "ACCEPTED"));
            assertThatEngagement(instance).isWaitingAt("PayDepositTask");
            long engagementId = journeys.engagement(instance).getId();
            var invoice = context.getBean(com.engagementorchestrator.deposit.DepositService.class).depositInvoice(engagementId);
            context.getBean(com.engagementorchestrator.deposit.PaymentService.class).record(
                    new com.engagementorchestrator.deposit.PaymentService.ProviderPayment("pay-" + invoice.getNumber(),
                            invoice.getNumber(), invoice.getAmount(), invoice.getCurrency(), null), "{}");
            BpmnAwareTests.complete(EngagementAssert.task(EngagementProcess.Elements.PREPARE_BRIEF, instance),
                    Map.of("briefItems", "ANSWER | Who are your customers | " + java.time.LocalDate.now().plusDays(3)));
            long itemId = context.getBean(com.engagementorchestrator.materials.MaterialsService.class).items(engagementId)
                    .get(0).getId();
            BpmnAwareTests.complete(EngagementAssert.task(EngagementProcess.Elements.PROVIDE_MATERIALS, instance),
                    Map.of("answer_" + itemId, "Small shops"));
            BpmnAwareTests.complete(EngagementAssert.task(EngagementProcess.Elements.REVIEW_MATERIALS, instance),
                    Map.of("missingItems", ""));
            assertThatEngagement(instance).isWaitingAt("WorkDeliveredEvent");
            assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                    .taskDefinitionKey(EngagementProcess.Elements.WORK_DELIVERED).count()).isZero();
            var answer = send("POST", "/api/engagements/" + instance.getBusinessKey() + "/work-delivered", null,
                    "freelancer", "freelancer");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            assertThatEngagement(instance).hasPassed("WorkDeliveredEvent", EngagementProcess.Elements.ISSUE_FINAL_INVOICE)
                    .isWaitingAt("PayFinalInvoiceTask");
            // Its pay tasks keep working: the final invoice paid by the provider ends the engagement.
            var finalInvoice = context.getBean(com.engagementorchestrator.deposit.DepositService.class).finalInvoice(engagementId).orElseThrow();
            context.getBean(com.engagementorchestrator.deposit.PaymentService.class).record(
                    new com.engagementorchestrator.deposit.PaymentService.ProviderPayment("pay-" + finalInvoice.getNumber(),
                            finalInvoice.getNumber(), finalInvoice.getAmount(), finalInvoice.getCurrency(), null), "{}");
            assertThatEngagement(instance).hasPassed("FinalPaymentReceivedBoundaryEvent").isEnded();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private static JsonNode find(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText(null))) {
                return component;
            }
            JsonNode nested = find(component.path("components"), key);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    /** A browser's cookie jar after signing into Tasklist the way Tasklist does. */
    final class Session {
        final CookieManager cookies = new CookieManager();
        final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();

        HttpResponse<byte[]> get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }

        void logout() throws Exception {
            var out = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/logout")))
                    .header("X-XSRF-TOKEN", xsrf()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(out.statusCode()).isLessThan(300);
        }

        String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .reduce((a, b) -> b).orElseThrow().getValue();
        }
    }

    private Session signIntoTasklist(String user, String password) throws Exception {
        Session session = new Session();
        var login = tasklistLogin(session, user, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the session changed at login, and so did its token: fetch it as Tasklist does
        session.browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/engine/engine/")))
                .header("X-XSRF-TOKEN", "Fetch").build(), HttpResponse.BodyHandlers.discarding());
        return session;
    }

    private HttpResponse<String> tasklistLogin(Session session, String user, String password) throws Exception {
        session.browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/"))).build(),
                HttpResponse.BodyHandlers.discarding());
        return session.browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
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

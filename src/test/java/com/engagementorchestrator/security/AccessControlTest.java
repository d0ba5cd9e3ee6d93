package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.PortalClient;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Authorization over real HTTP: the engine REST API (staff only), Camunda's authorizations, the portal and our own /api. */
@IntegrationTest
class AccessControlTest {

    static final String PASSWORD = "correct-horse-battery";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired AuthorizationService authorizations;
    @Autowired EngineAccessSetup accessSetup;
    @Autowired FilterService filters;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Client alice;
    Client bob;

    record Client(String email, String number, ProcessInstance instance, Task task) {
    }

    @BeforeEach
    void twoClientsEachWaitingForTheirOwnTask() throws Exception {
        alice = clientWaitingForAuthority("alice");
        bob = clientWaitingForAuthority("bob");
    }

    @Test
    void engineRestNeedsCredentials() throws Exception {
        assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        // A wrong password delays that user's next logins (the engine's brute-force protection), so use Bob here.
        assertThat(get("/engine-rest/task", bob.email(), "wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task?maxResults=100", "moderator", "moderator").statusCode()).isEqualTo(200);
    }

    @Test
    void apiNeedsCredentialsExceptRegistration() throws Exception {
        assertThat(get("/api/engagements/" + alice.number(), null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/engagements/" + alice.number(), alice.email(), "wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/api/reference/industries", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientSeesAndWorksOnlyOnTheirOwnTasksInThePortal() throws Exception {
        PortalClient portal = new PortalClient(http, json, port, alice.email(), PASSWORD);
        JsonNode visible = portal.openTasks();
        assertThat(visible.findValuesAsText("id")).containsExactly(alice.task().getId());
        assertThat(visible.findValuesAsText("engagementNumber")).containsExactly(alice.number());

        assertThat(portal.task(bob.task().getId()).statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = portal.upload(bob.task().getId(), Map.of("authorityDocument", PDF));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(bob.number()).doesNotContain(bob.email());
        assertThat(tasks.createTaskQuery().taskId(bob.task().getId()).count()).isOne();
    }

    @Test
    void theEngineRestApiRefusesAClientAndSendsThemToThePortal() throws Exception {
        for (String path : List.of("/engine-rest/task?maxResults=100", "/engine-rest/task/" + alice.task().getId(),
                "/engine-rest/task/" + alice.task().getId() + "/form-variables",
                "/engine-rest/task/" + bob.task().getId() + "/variables",
                "/engine-rest/process-instance?maxResults=100",
                "/engine-rest/process-instance/" + bob.instance().getId() + "/variables",
                "/engine-rest/history/process-instance?maxResults=100", "/engine-rest/variable-instance?maxResults=100",
                "/engine-rest/process-definition", "/engine-rest/filter", "/engine-rest/user/" + alice.email() + "/profile",
                "/engine-rest/identity/groups?userId=" + alice.email(), "/engine-rest/engine/default/task",
                "/engine-rest/engine/default/process-definition/key/engagement/xml")) {
            PortalClient.assertSentToThePortal(get(path, alice.email(), PASSWORD));
        }
        // Without a password the engine REST API asks for one, as before; staff keep it.
        assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task?maxResults=100", "moderator", "moderator").statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/task?maxResults=100", "freelancer", "freelancer").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientSeesOnlyTheirOwnEngagementsInTheApi() throws Exception {
        HttpResponse<String> own = get("/api/engagements/" + alice.number(), alice.email(), PASSWORD);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json.readTree(own.body()).path("screening").path("verdict").asText()).isEqualTo("ACCEPT");
        assertThat(get("/api/engagements/" + bob.number(), alice.email(), PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/api/engagements/ENG-1999-000000", alice.email(), PASSWORD).statusCode()).isEqualTo(404);

        assertThat(get("/api/engagements/" + bob.number(), "moderator", "moderator").statusCode()).isEqualTo(200);
        assertThat(get("/api/engagements/" + bob.number(), "freelancer", "freelancer").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientCannotDeploy() throws Exception {
        long before = repository.createDeploymentQuery().deploymentName("sandbox").count();
        PortalClient.assertSentToThePortal(deploy(alice.email(), PASSWORD, "<definitions/>"));
        assertThat(repository.createDeploymentQuery().deploymentName("sandbox").count()).isEqualTo(before);
    }

    private HttpResponse<String> deploy(String user, String password, String bpmn) throws Exception {
        String boundary = "----eo" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsandbox\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sandbox.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheOwnerAndModeratorsCanReadAnAuthorityDocument() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        tasks.complete(alice.task().getId(), Map.of("authorityDocument",
                Variables.fileValue("power-of-attorney.pdf").file(pdf).create()));
        String url = json.readTree(get("/api/engagements/" + alice.number(), "moderator", "moderator").body())
                .path("authority").path("documents").get(0).path("url").asText();

        HttpResponse<byte[]> own = http.send(HttpRequest.newBuilder(URI.create(url(url)))
                .header("Authorization", basic(alice.email(), PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(own.body()).isEqualTo(pdf);
        assertThat(get(url, "moderator", "moderator").statusCode()).isEqualTo(200);
        assertThat(get(url, bob.email(), PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get(url, "freelancer", "freelancer").statusCode()).isEqualTo(404);
        assertThat(get(url, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void analystsDeployButDoNotWorkOnTasks() throws Exception {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="http://engagement-orchestrator/test">
                  <process id="AnalystSandbox" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="SandboxStart" />
                  </process>
                </definitions>
                """;
        HttpResponse<String> deployed = deploy("analyst", "analyst", bpmn);
        assertThat(deployed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/engine-rest/task?maxResults=100", "analyst", "analyst").body())).isEmpty();
        assertThat(get("/engine-rest/task/" + alice.task().getId(), "analyst", "analyst").statusCode()).isIn(403, 404);

        // Deleting a deployment cascades to its running instances: analysts may not, not even their own sandbox.
        String engagementDeployment = repository.createProcessDefinitionQuery()
                .processDefinitionId(alice.instance().getProcessDefinitionId()).singleResult().getDeploymentId();
        for (String deploymentId : List.of(json.readTree(deployed.body()).path("id").asText(), engagementDeployment)) {
            HttpResponse<String> refused = delete("/engine-rest/deployment/" + deploymentId + "?cascade=true",
                    "analyst", "analyst");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("DELETE").contains("Deployment");
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(alice.instance().getId()).count()).isOne();
    }

    @Test
    void aDatabaseFromAMoreGenerousVersionIsNarrowedOnStart() {
        Authorization analysts = authorizations.createAuthorizationQuery().groupIdIn(AccessGroups.ANALYSTS)
                .resourceType(Resources.DEPLOYMENT).resourceId(Authorization.ANY).singleResult();
        analysts.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(analysts);
        assertThat(authorizations.isUserAuthorized("analyst", List.of(AccessGroups.ANALYSTS), Permissions.DELETE,
                Resources.DEPLOYMENT, "any-deployment")).isTrue();

        // An older version let clients into Tasklist, with a "My tasks" filter.
        Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        tasklist.setGroupId(AccessGroups.CLIENTS);
        tasklist.setResource(Resources.APPLICATION);
        tasklist.setResourceId("tasklist");
        tasklist.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(tasklist);
        String myTasks = filters.createFilterQuery().filterName(EngineAccessSetup.MY_TASKS_FILTER).singleResult().getId();
        Authorization filter = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        filter.setGroupId(AccessGroups.CLIENTS);
        filter.setResource(Resources.FILTER);
        filter.setResourceId(myTasks);
        filter.addPermission(Permissions.READ);
        authorizations.saveAuthorization(filter);
        assertThat(authorizations.isUserAuthorized(alice.email(), List.of(AccessGroups.CLIENTS), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();

        accessSetup.setUp();
        accessSetup.setUp(); // and again: idempotent

        assertThat(authorizations.isUserAuthorized(alice.email(), List.of(AccessGroups.CLIENTS), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isFalse();
        assertThat(authorizations.isUserAuthorized(alice.email(), List.of(AccessGroups.CLIENTS), Permissions.READ,
                Resources.FILTER, myTasks)).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(AccessGroups.CLIENTS)
                .resourceType(Resources.APPLICATION).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(AccessGroups.CLIENTS)
                .resourceType(Resources.FILTER).count()).isZero();
        // What the portal needs to submit as the client stays (PortalApiTest fails without it); staff keep Tasklist.
        assertThat(authorizations.isUserAuthorized(alice.email(), List.of(AccessGroups.CLIENTS), Permissions.READ,
                Resources.PROCESS_DEFINITION, "engagement")).isTrue();
        assertThat(authorizations.isUserAuthorized("freelancer", List.of(AccessGroups.FREELANCERS), Permissions.READ,
                Resources.FILTER, myTasks)).isTrue();
        assertThat(authorizations.isUserAuthorized("moderator", List.of(AccessGroups.MODERATORS), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();

        assertThat(authorizations.isUserAuthorized("analyst", List.of(AccessGroups.ANALYSTS), Permissions.DELETE,
                Resources.DEPLOYMENT, "any-deployment")).isFalse();
        assertThat(authorizations.isUserAuthorized("analyst", List.of(AccessGroups.ANALYSTS), Permissions.CREATE,
                Resources.DEPLOYMENT, "any-deployment")).isTrue();
    }

    private HttpResponse<String> delete(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, password))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientCanStartAFurtherEngagementOfTheirOwn() throws Exception {
        Map<String, Object> project = Intakes.clean(alice.email());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/engagements")))
                .header("Authorization", basic(alice.email(), PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(project))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String number = json.readTree(response.body()).path("engagementNumber").asText();
        assertThat(get("/api/engagements/" + number, alice.email(), PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/api/engagements/" + number, bob.email(), PASSWORD).statusCode()).isEqualTo(404);
    }

    private Client clientWaitingForAuthority(String name) throws Exception {
        String email = Intakes.uniqueEmail(name);
        String inn = Intakes.randomInn();
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        Map<String, Object> body = Intakes.clean(email);
        body.put("registrationNumber", inn);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/registrations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String number = json.readTree(response.body()).path("engagementNumber").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(com.engagementorchestrator.engagement.EngagementProcess.KEY).singleResult();
        com.engagementorchestrator.support.Journeys.screenIntake(management, instance.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        Task introCall = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance)).singleResult();
        assertThat(introCall.getTaskDefinitionKey()).isEqualTo("ReviewScreeningTask");
        tasks.complete(introCall.getId(), java.util.Map.of("reviewDecision", "ACCEPT"));
        Task task = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance)).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("ProveSigningAuthorityTask");
        assertThat(task.getAssignee()).isEqualTo(email);
        return new Client(email, number, instance, task);
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

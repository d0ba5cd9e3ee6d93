package com.engagementorchestrator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.engagementorchestrator.support.Intakes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repackaged jar as docker compose and production run it ({@code java -jar}, default profile, H2 in a temporary
 * directory): every form that every deployed model names resolves, the ones of reachable tasks open through the
 * engine, and nothing but models and forms is deployed. Runs in {@code verify} after {@code package} (failsafe).
 */
class PackagedJarIT {

    private static final String MODERATOR = "moderator";
    private static final String CLIENT_PASSWORD = "correct-horse-battery";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static PackagedApp app;

    @BeforeAll
    static void startTheJar() throws Exception {
        app = PackagedApp.start();
    }

    @AfterAll
    static void stopTheJar() {
        if (app != null) {
            app.stop();
        }
    }

    private static String logTail() {
        return app.logTail();
    }

    @Test
    void onlyModelsAndFormsAreDeployedUnderTheirClasspathNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode deployment : getJson("/engine-rest/deployment?maxResults=500", "demo", "demo")) {
            for (JsonNode resource : getJson("/engine-rest/deployment/" + deployment.path("id").asText() + "/resources",
                    "demo", "demo")) {
                names.add(resource.path("name").asText());
            }
        }
        assertThat(names).isNotEmpty()
                .contains("processes/engagement.bpmn", "forms/prove-signing-authority.html", "forms/review-screening.form")
                .allMatch(name -> name.matches("(processes/[\\w.-]+\\.(bpmn|dmn)|forms/[\\w.-]+\\.(form|html))"),
                        "a model or form named by its classpath path")
                .noneMatch(name -> name.contains("BOOT-INF") || name.contains("static/") || name.endsWith("index.html")
                        || name.endsWith("register.html"));
    }

    /** Each userTask and start event with a form, in every version of every deployed process: the form is deployed. */
    @Test
    void everyFormOfEveryModelIsDeployed() throws Exception {
        Map<String, String> formDefinitionKeys = new HashMap<>(); // Camunda Form id -> resource name
        Map<String, Map<String, String>> resourcesByDeployment = new HashMap<>(); // deployment -> name -> resource id
        for (JsonNode deployment : getJson("/engine-rest/deployment?maxResults=500", "demo", "demo")) {
            String deploymentId = deployment.path("id").asText();
            Map<String, String> resources = new HashMap<>();
            for (JsonNode resource : getJson("/engine-rest/deployment/" + deploymentId + "/resources", "demo", "demo")) {
                String name = resource.path("name").asText();
                resources.put(name, resource.path("id").asText());
                if (name.endsWith(".form")) {
                    JsonNode form = JSON.readTree(resourceData(deploymentId, resource.path("id").asText()));
                    assertThat(form.path("components").isArray()).as(name + " is a Camunda Form").isTrue();
                    formDefinitionKeys.put(form.path("id").asText(), name);
                }
            }
            resourcesByDeployment.put(deploymentId, resources);
        }

        List<String> checked = new ArrayList<>();
        for (JsonNode definition : getJson("/engine-rest/process-definition?maxResults=500", MODERATOR, MODERATOR)) {
            String definitionId = definition.path("id").asText();
            String deploymentId = definition.path("deploymentId").asText();
            String xml = getJson("/engine-rest/process-definition/" + definitionId + "/xml", MODERATOR, MODERATOR)
                    .path("bpmn20Xml").asText();
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            List<FlowElement> withForms = new ArrayList<>();
            model.getModelElementsByType(UserTask.class).forEach(withForms::add);
            model.getModelElementsByType(StartEvent.class).forEach(withForms::add);
            for (FlowElement element : withForms) {
                String formKey = element instanceof UserTask task ? task.getCamundaFormKey()
                        : ((StartEvent) element).getCamundaFormKey();
                String formRef = element instanceof UserTask task ? task.getCamundaFormRef()
                        : ((StartEvent) element).getCamundaFormRef();
                String where = definition.path("key").asText() + " v" + definition.path("version").asInt() + " "
                        + element.getId();
                if (formKey != null) {
                    String prefix = "embedded:deployment:";
                    assertThat(formKey).as(where).startsWith(prefix);
                    String resourceName = formKey.substring(prefix.length());
                    String resourceId = resourcesByDeployment.get(deploymentId).get(resourceName);
                    assertThat(resourceId).as(where + ": " + resourceName + " in the model's deployment").isNotNull();
                    assertThat(resourceData(deploymentId, resourceId)).as(where).contains("<form");
                    checked.add(where);
                }
                if (formRef != null) {
                    assertThat(formDefinitionKeys).as(where + ": Camunda Form " + formRef).containsKey(formRef);
                    checked.add(where);
                }
            }
        }
        // engagement.bpmn alone has more than twenty forms; a test that found none checked nothing
        assertThat(checked).hasSizeGreaterThan(20);
    }

    /** Tasklist opens a task's form through the engine's deployed-form; walk to the first upload task and open each. */
    @Test
    void theFormsOfReachableTasksOpen() throws Exception {
        Map<String, Object> intake = Intakes.clean(Intakes.uniqueEmail("packaged"));
        HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(intake))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String number = JSON.readTree(registered.body()).path("engagementNumber").asText();
        String client = (String) intake.get("email");

        // No company registry in the default profile: the moderator checks the company by hand (a Camunda Form).
        JsonNode check = awaitTask(number, MODERATOR, MODERATOR, "CheckCompanyManuallyTask");
        HttpResponse<String> checkForm = get("/engine-rest/task/" + check.path("id").asText() + "/deployed-form",
                MODERATOR, MODERATOR);
        assertThat(checkForm.statusCode()).as(checkForm.body()).isEqualTo(200);
        assertThat(JSON.readTree(checkForm.body()).path("id").asText()).isEqualTo("check-company-manually");
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(uri("/engine-rest/task/" + check.path("id").asText()
                        + "/submit-form"))
                .header("Authorization", basic(MODERATOR, MODERATOR))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables": {"companyStatus": {"value": "ACTIVE"},
                                       "debtCases": {"value": 0, "type": "Long"},
                                       "bankruptcyCases": {"value": 0, "type": "Long"}}}""")));
        assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);

        // Every client the rules do not decline gets an intro call: its Camunda Form opens, the moderator accepts.
        JsonNode call = awaitTask(number, MODERATOR, MODERATOR, "ReviewScreeningTask");
        HttpResponse<String> callForm = get("/engine-rest/task/" + call.path("id").asText() + "/deployed-form",
                MODERATOR, MODERATOR);
        assertThat(callForm.statusCode()).as(callForm.body()).isEqualTo(200);
        assertThat(JSON.readTree(callForm.body()).path("id").asText()).isEqualTo("review-screening");
        // the moderators' own queue endpoint, on H2 as the embedded default runs it (its table kept by the engine's
        // commands): the same tasks as the engine shows a moderator for the group
        HttpResponse<String> queue = get("/api/queues/moderation/tasks?maxResults=200", MODERATOR, MODERATOR);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        HttpResponse<String> queued = get("/api/queues/moderation/tasks/count", MODERATOR, MODERATOR);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
        HttpResponse<String> engine = get("/engine-rest/task?candidateGroup=moderators&includeAssignedTasks=true&active=true"
                + "&maxResults=200", MODERATOR, MODERATOR);
        assertThat(engine.statusCode()).as(engine.body()).isEqualTo(200);
        Set<String> queueIds = new HashSet<>();
        JSON.readTree(queue.body()).forEach(task -> queueIds.add(task.path("id").asText()));
        Set<String> engineIds = new HashSet<>();
        JSON.readTree(engine.body()).forEach(task -> engineIds.add(task.path("id").asText()));
        assertThat(engineIds).contains(call.path("id").asText());
        assertThat(queueIds).isEqualTo(engineIds);
        assertThat(JSON.readTree(queued.body()).path("count").asLong()).isEqualTo(engineIds.size());

        HttpResponse<String> called = send(HttpRequest.newBuilder(uri("/engine-rest/task/" + call.path("id").asText()
                        + "/submit-form"))
                .header("Authorization", basic(MODERATOR, MODERATOR))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables": {"reviewDecision": {"value": "ACCEPT"},
                                       "preferredContactChannel": {"value": "PHONE"},
                                       "reportEveryDays": {"value": 7, "type": "Long"},
                                       "callNotes": {"value": "Clear goal, named everyone"}}}""")));
        assertThat(called.statusCode()).as(called.body()).isIn(200, 204);

        // Accepted: the client's power-of-attorney upload (an embedded HTML form, deployed with the model). The client
        // works on it in the portal, which lists and opens it.
        JsonNode upload = awaitTask(number, MODERATOR, MODERATOR, "ProveSigningAuthorityTask");
        assertThat(upload.path("assignee").asText()).isEqualTo(client);
        HttpResponse<String> portalTask = get("/api/portal/tasks/" + upload.path("id").asText(), client, CLIENT_PASSWORD);
        assertThat(portalTask.statusCode()).as(portalTask.body()).isEqualTo(200);
        assertThat(JSON.readTree(portalTask.body()).path("form").asText()).isEqualTo("prove-signing-authority");
        HttpResponse<String> uploadForm = get("/engine-rest/task/" + upload.path("id").asText() + "/deployed-form",
                MODERATOR, MODERATOR);
        assertThat(uploadForm.statusCode()).as(uploadForm.body()).isEqualTo(200);
        assertThat(uploadForm.body()).contains("<form").contains("proveSigningAuthorityForm");
        // The engine REST API and Tasklist send the client to the portal.
        HttpResponse<String> clientOnEngineRest = get("/engine-rest/task/" + upload.path("id").asText() + "/deployed-form",
                client, CLIENT_PASSWORD);
        assertThat(clientOnEngineRest.statusCode()).isEqualTo(403);
        assertThat(clientOnEngineRest.body()).contains("/portal");
        assertThat(tasklistLogin(client, CLIENT_PASSWORD).login().statusCode()).isEqualTo(403);

        // and the way Tasklist itself loads it: a moderator logged in to Tasklist, through the webapp's engine API
        Tasklist moderator = tasklistLogin(MODERATOR, MODERATOR);
        assertThat(moderator.login().statusCode()).as(moderator.login().body()).isEqualTo(200);
        HttpResponse<String> inTasklist = moderator.browser().send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/"
                + upload.path("id").asText() + "/deployed-form")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(200);
        assertThat(inTasklist.body()).contains("proveSigningAuthorityForm");
    }

    record Tasklist(HttpClient browser, HttpResponse<String> login) {
    }

    private static Tasklist tasklistLogin(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .build();
        HttpResponse<String> tasklist = browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = tasklist.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Tasklist(browser, login);
    }

    private static JsonNode awaitTask(String businessKey, String user, String password, String definitionKey)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String path = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
                + "&taskDefinitionKey=" + definitionKey + "&maxResults=10";
        Predicate<JsonNode> found = tasks -> tasks.isArray() && !tasks.isEmpty();
        while (Instant.now().isBefore(deadline)) {
            JsonNode tasks = getJson(path, user, password);
            if (found.test(tasks)) {
                return tasks.get(0);
            }
            Thread.sleep(500);
        }
        return fail("No task " + definitionKey + " for " + businessKey + " within 60 s:\n" + logTail());
    }

    private static String resourceData(String deploymentId, String resourceId) throws Exception {
        HttpResponse<String> data = get("/engine-rest/deployment/" + deploymentId + "/resources/" + resourceId + "/data",
                "demo", "demo");
        assertThat(data.statusCode()).isEqualTo(200);
        return data.body();
    }

    private static JsonNode getJson(String path, String user, String password) throws Exception {
        HttpResponse<String> response = get(path, user, password);
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(app.baseUrl + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

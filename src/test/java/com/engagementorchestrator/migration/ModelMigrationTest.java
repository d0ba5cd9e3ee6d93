package com.engagementorchestrator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RestDeployments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 12, item 6: running instances move from one version of every shipped process to the next over the analysts'
 * migration API, waiting wherever they wait, and carry on on the new version. The wait states are read from the
 * deployed models, not named here, so the test holds for a restructured engagement model too. Every version deployed
 * here is removed again afterwards (with its instances), so the shipped models stay the latest for other tests.
 */
@IntegrationTest
class ModelMigrationTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired ApplicationContext context;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTestVersions() {
        ClockUtil.reset();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            // Without listeners: the synthetic instances have none of the records they would read.
            repository.deleteDeployment(deployments.get(i), true, true, true);
        }
    }

    /** What an instance waits at, and the engine records that belong to its version. */
    record Snapshot(String key, Set<String> activities, long tasks, List<Date> jobDueDates, long subscriptions) {
    }

    @Test
    void instancesWaitingAnywhereMoveToTheNextVersionAndCarryOn() throws Exception {
        Map<String, ProcessDefinition> a = deployCopy("A");

        // Real engagements: one waits for the signing authority (a user task and a reminder ladder waiting on its
        // timer), one for its deposit (a user task, a message boundary event, a ladder).
        Journeys authorityJourney = new Journeys(context);
        ProcessInstance authority = authorityJourney.accepted(body -> { });
        Journeys depositJourney = new Journeys(context);
        ProcessInstance deposit = depositJourney.awaitingDeposit(body -> { });

        // And one instance at every wait state of every model: user and receive tasks, catch events, event-based
        // gateways, call activities (their child waits in its own process).
        // A wait state whose expressions need the application's records (a protocol's agreement for its due date)
        // cannot be entered without them; those are listed, and every kind of wait state is still covered.
        Map<String, String> waitStates = new TreeMap<>();
        Map<String, String> needData = new TreeMap<>();
        // Elements that begin a phase move an engagement: the synthetic instances move one of their own.
        Map<String, Object> variables = new LinkedHashMap<>(timerVariables(a.values()));
        variables.put("engagementId", runtime.getVariable(new Journeys(context).accepted(body -> { }).getId(), "engagementId"));
        int all = 0;
        for (ProcessDefinition definition : a.values()) {
            for (FlowNode wait : waitStates(repository.getBpmnModelInstance(definition.getId()))) {
                all++;
                try {
                    // A phase the engagement calls runs until its first wait, and the closure to the end: each
                    // synthetic phase moves an engagement of its own, so the others can still enter their phases.
                    boolean phase = wait instanceof CallActivity call
                            && com.engagementorchestrator.engagement.EngagementProcess.PHASES.contains(call.getCalledElement());
                    Map<String, Object> own = new LinkedHashMap<>(variables);
                    if (phase) {
                        own.put("engagementId", runtime.getVariable(new Journeys(context).accepted(body -> { }).getId(), "engagementId"));
                    }
                    startAt(definition, wait.getId(), phase ? own : variables);
                    waitStates.put(definition.getKey() + "/" + wait.getId(), wait.getElementType().getTypeName());
                } catch (NeedsApplicationData e) {
                    needData.put(definition.getKey() + "/" + wait.getId(), e.getMessage());
                }
            }
        }
        System.out.println("Migration test: instances started at " + waitStates.size() + " of " + all
                + " wait states; needing application data: " + needData);
        assertThat(waitStates.values()).contains("userTask", "intermediateCatchEvent", "callActivity");
        assertThat(needData.size()).as("wait states that cannot be entered without application data: %s", needData)
                .isLessThanOrEqualTo(all / 10);

        Map<String, Snapshot> before = snapshots(a.values());
        assertThat(before).containsKeys(authority.getId(), deposit.getId());
        assertThat(before.size()).isGreaterThanOrEqualTo(waitStates.size() + 2);

        Map<String, ProcessDefinition> b = deployCopy("B");

        // The overview names every key with instances on the older version.
        JsonNode overview = json.readTree(ok("GET", "/api/migrations", "analyst").body());
        Map<String, Long> older = new HashMap<>();
        overview.forEach(k -> older.put(k.path("key").asText(), k.path("instancesOnOlderVersions").asLong()));
        Map<String, Long> perKey = new TreeMap<>();
        before.values().forEach(s -> perKey.merge(s.key(), 1L, Long::sum));
        perKey.forEach((key, count) -> assertThat(older.get(key)).as(key).isGreaterThanOrEqualTo(count));

        for (String key : perKey.keySet()) {
            String versions = "?from=" + a.get(key).getVersion() + "&to=" + b.get(key).getVersion();
            JsonNode report = json.readTree(ok("GET", "/api/migrations/" + key + versions, "analyst").body());
            assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.path("targetDefinitionId").asText()).isEqualTo(b.get(key).getId());
            JsonNode source = report.path("sources").get(0);
            assertThat(source.path("definitionId").asText()).isEqualTo(a.get(key).getId());
            assertThat(source.path("instances").asLong()).isEqualTo(perKey.get(key));
            assertThat(source.path("instancesChecked").asLong()).isEqualTo(Math.min(perKey.get(key), ModelMigration.INSTANCES_CHECKED));
            // Nothing changed triggers: no timer restarts its countdown.
            assertThat(source.path("instructions").findValuesAsText("updateEventTrigger")).doesNotContain("true");
            // The dry run changed nothing.
            assertThat(runtime.createProcessInstanceQuery().processDefinitionId(a.get(key).getId()).count())
                    .isEqualTo(perKey.get(key));

            HttpResponse<String> started = BasicAuthHttp.send(http, json, port, "POST", "/api/migrations/" + key + versions,
                    null, "analyst", "analyst");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode batch = json.readTree(started.body()).path("batches").get(0);
            assertThat(batch.path("instances").asLong()).isEqualTo(perKey.get(key));
            String batchId = batch.path("batchId").asText();
            JsonNode running = json.readTree(ok("GET", batch.path("status").asText(), "analyst").body());
            assertThat(running.path("ended").asBoolean()).isFalse();
            runBatch(batchId);
            JsonNode ended = json.readTree(ok("GET", "/api/migrations/batches/" + batchId, "analyst").body());
            assertThat(ended.path("ended").asBoolean()).as(ended.toString()).isTrue();
        }

        // Every instance is on the new version, waiting where it waited, with its tasks, jobs and subscriptions.
        Map<String, Snapshot> after = snapshots(b.values());
        assertThat(after).isEqualTo(before);
        for (String id : before.keySet()) {
            String target = b.get(before.get(id).key()).getId();
            assertThat(tasks.createTaskQuery().processInstanceId(id).list()).allMatch(t -> t.getProcessDefinitionId().equals(target));
            assertThat(management.createJobQuery().processInstanceId(id).list()).allMatch(j -> j.getProcessDefinitionId().equals(target));
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(a.get("engagement").getId()).count()).isZero();

        // ... and carries on there: the deposit is paid, the brief answered, the materials sent and reviewed, the work
        // starts; the authority ladder's next timer fires (the engine clock moves), the document is uploaded.
        depositJourney.startTheWork(deposit);
        assertThat(definitionOf(deposit.getId())).isEqualTo(b.get("engagement").getId());
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(deposit.getId()).list())
                .allMatch(child -> child.getProcessDefinitionId().equals(b.get(keyOf(child)).getId()));

        ProcessInstance ladder = authorityJourney.ladder(authority);
        assertThat(definitionOf(ladder.getId())).isEqualTo(b.get(keyOf(ladder)).getId());
        String fired = authorityJourney.fireNextLadderTimer(authority);
        assertThat(fired).isNotBlank();
        assertThat(runtime.getActiveActivityIds(ladder.getId())).doesNotContain(fired);
        authorityJourney.uploadAuthority(authority, "order.pdf", Journeys.PDF);
        assertThat(definitionOf(authority.getId())).isEqualTo(b.get("engagement").getId());
        assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(authority)).list()).isNotEmpty()
                .allMatch(t -> t.getProcessDefinitionId().equals(b.get(repository.getProcessDefinition(t.getProcessDefinitionId()).getKey()).getId()));
    }

    @Test
    void aRemovedUserTaskIsReportedPerInstanceAndNothingIsMigrated() throws Exception {
        Map<String, ProcessDefinition> a = deployCopy("A");
        // The first user task of the shipped models; the next version no longer has it (another task stands there).
        ProcessDefinition definition = null;
        String task = null;
        for (ProcessDefinition candidate : a.values()) {
            Collection<UserTask> userTasks = repository.getBpmnModelInstance(candidate.getId()).getModelElementsByType(UserTask.class);
            if (!userTasks.isEmpty()) {
                definition = candidate;
                task = userTasks.iterator().next().getId();
                break;
            }
        }
        assertThat(task).isNotNull();
        String instance = startAt(definition, task, timerVariables(a.values()));
        String removed = task;
        Map<String, ProcessDefinition> b = deploy("B", Map.of(definition.getResourceName(),
                withDocumentation(shippedModel(definition.getResourceName()), "B").replace("\"" + removed + "\"",
                        "\"" + removed + "Replaced\"").getBytes(StandardCharsets.UTF_8)));
        String key = definition.getKey();
        String versions = "?from=" + definition.getVersion() + "&to=" + b.get(key).getVersion();

        JsonNode report = json.readTree(ok("GET", "/api/migrations/" + key + versions, "analyst").body());
        assertThat(report.path("valid").asBoolean()).isFalse();
        JsonNode source = report.path("sources").get(0);
        assertThat(source.path("planFailures")).isEmpty();
        assertThat(source.path("instanceFailures")).hasSize(1);
        assertThat(source.path("instanceFailures").get(0).path("processInstanceId").asText()).isEqualTo(instance);
        assertThat(source.path("instanceFailures").get(0).path("failures").get(0).asText()).contains(removed);

        HttpResponse<String> refused = BasicAuthHttp.send(http, json, port, "POST", "/api/migrations/" + key + versions,
                null, "analyst", "analyst");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).path("message").asText()).contains("Nothing was migrated", instance, removed);
        assertThat(definitionOf(instance)).isEqualTo(definition.getId());
        assertThat(management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).count()).isZero();
    }

    @Test
    void onlyAChangedTimerGetsANewTrigger() throws Exception {
        Map<String, ProcessDefinition> a = deployCopy("A");
        // Two timer catch events of one model with different definitions; in the next version the first takes the
        // second's definition (both are the shipped models' own expressions, so the deployment guard lets them pass).
        ProcessDefinition definition = null;
        List<IntermediateCatchEvent> timers = List.of();
        for (ProcessDefinition candidate : a.values()) {
            List<IntermediateCatchEvent> found = repository.getBpmnModelInstance(candidate.getId())
                    .getModelElementsByType(IntermediateCatchEvent.class).stream()
                    .filter(e -> e.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition))
                    .toList();
            if (found.size() >= 2 && !timerText(found.get(0)).equals(timerText(found.get(1)))) {
                definition = candidate;
                timers = found;
                break;
            }
        }
        assertThat(definition).as("a model with two different timer catch events").isNotNull();
        String changed = timers.get(0).getId();
        String other = timers.get(1).getId();
        startAt(definition, changed, timerVariables(a.values()));
        startAt(definition, other, timerVariables(a.values()));

        BpmnModelInstance next = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
                withDocumentation(shippedModel(definition.getResourceName()), "B").getBytes(StandardCharsets.UTF_8)));
        TimerEventDefinition target = timerOf(next.getModelElementById(changed));
        TimerEventDefinition source = timerOf(next.getModelElementById(other));
        for (var pair : List.of(new Object[] {target.getTimeDate(), source.getTimeDate()},
                new Object[] {target.getTimeDuration(), source.getTimeDuration()},
                new Object[] {target.getTimeCycle(), source.getTimeCycle()})) {
            if (pair[0] != null && pair[1] != null) {
                ((org.camunda.bpm.model.bpmn.instance.Expression) pair[0]).setTextContent(
                        ((org.camunda.bpm.model.bpmn.instance.Expression) pair[1]).getTextContent());
            }
        }
        Map<String, ProcessDefinition> b = deploy("B", Map.of(definition.getResourceName(),
                org.camunda.bpm.model.bpmn.Bpmn.convertToString(next).getBytes(StandardCharsets.UTF_8)));
        String key = definition.getKey();

        JsonNode report = json.readTree(ok("GET", "/api/migrations/" + key + "?from=" + definition.getVersion()
                + "&to=" + b.get(key).getVersion(), "analyst").body());
        Map<String, Boolean> updates = new HashMap<>();
        report.path("sources").get(0).path("instructions").forEach(i ->
                updates.put(i.path("sourceActivityId").asText(), i.path("updateEventTrigger").asBoolean()));
        assertThat(updates).containsEntry(changed, true).containsEntry(other, false);
        assertThat(updates.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)).containsExactly(changed);
    }

    private static TimerEventDefinition timerOf(org.camunda.bpm.model.xml.instance.ModelElementInstance event) {
        return (TimerEventDefinition) ((IntermediateCatchEvent) event).getEventDefinitions().stream()
                .filter(d -> d instanceof TimerEventDefinition).findFirst().orElseThrow();
    }

    private static String timerText(IntermediateCatchEvent event) {
        TimerEventDefinition timer = timerOf(event);
        return String.valueOf(timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent()) + "|"
                + (timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent()) + "|"
                + (timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent());
    }

    @Test
    void badInputIsAnsweredWithA4xxThatSaysWhy() throws Exception {
        String probe = "migration-probe-" + UUID.randomUUID().toString().substring(0, 8);
        assertStatus("GET", "/api/migrations/" + probe, "analyst", 404, "no process with the key");
        deploy("probe-1", Map.of(probe + ".bpmn", probe(probe).getBytes(StandardCharsets.UTF_8)));
        assertStatus("GET", "/api/migrations/" + probe, "analyst", 409, "only one version");
        deploy("probe-2", Map.of(probe + ".bpmn", probe(probe).replace("name=\"Wait\"", "name=\"Wait for it\"").getBytes(StandardCharsets.UTF_8)));
        assertStatus("POST", "/api/migrations/" + probe, "analyst", 409, "No running instances");
        assertStatus("GET", "/api/migrations/" + probe + "?to=9", "analyst", 400, "has no version 9");
        assertStatus("GET", "/api/migrations/" + probe + "?from=abc", "analyst", 400, "a version number");
        assertStatus("POST", "/api/migrations/" + probe + "?from=2&to=2", "analyst", 400, "already on version 2");
        assertStatus("GET", "/api/migrations/batches/no-such-batch", "analyst", 404, "no migration batch");
    }

    @Test
    void onlyAnalystsAndAdminsMayMigrate() throws Exception {
        String client = "migration-client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        User user = identity.newUser(client);
        user.setPassword(client);
        identity.saveUser(user);
        identity.createMembership(client, "clients");
        for (String caller : List.of(client, "freelancer", "moderator")) {
            assertThat(send("GET", "/api/migrations", caller).statusCode()).as(caller).isEqualTo(403);
            assertThat(send("POST", "/api/migrations/engagement", caller).statusCode()).as(caller).isEqualTo(403);
            assertThat(send("GET", "/migration", caller).statusCode()).as(caller).isEqualTo(403);
        }
        assertThat(send("GET", "/api/migrations", "demo").statusCode()).isEqualTo(200);
        HttpResponse<String> page = send("GET", "/migration", "analyst");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Migrate running engagements</h1>", "/assets/migration.js");

        // The page lists the process keys from /api/migrations in Chromium, signed in with Basic like /stats.
        var options = new org.openqa.selenium.chrome.ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        var browser = new org.openqa.selenium.chrome.ChromeDriver(new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        try {
            browser.get("http://analyst:analyst@127.0.0.1:" + port + "/migration");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(driver ->
                    !driver.findElements(org.openqa.selenium.By.cssSelector("#keys tbody tr[data-key='engagement']")).isEmpty());
            assertThat(browser.findElement(org.openqa.selenium.By.id("error")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Where an instance rests between transactions: tasks, receive tasks, catch events, event gateways, calls. */
    static List<FlowNode> waitStates(BpmnModelInstance model) {
        List<FlowNode> waits = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent
                    || node instanceof EventBasedGateway || node instanceof CallActivity) {
                waits.add(node);
            }
        }
        return waits;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_]\\w*)(?![\\w(.'\"])");
    private static final Pattern UNRESOLVED = Pattern.compile("Cannot resolve identifier '(\\w+)'");

    /**
     * A date a month ahead for every variable the models' timers read, and for the call-activity inputs that feed
     * them, so an instance can be started at a timer (or at a call whose child waits on one).
     */
    Map<String, Object> timerVariables(Collection<ProcessDefinition> definitions) {
        Set<String> names = new TreeSet<>();
        List<BpmnModelInstance> models = definitions.stream().map(d -> repository.getBpmnModelInstance(d.getId())).toList();
        for (BpmnModelInstance model : models) {
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                for (var expression : java.util.Arrays.asList(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())) {
                    if (expression != null) {
                        Matcher inside = Pattern.compile("[$#]\\{(.*)}").matcher(expression.getTextContent());
                        while (inside.find()) {
                            Matcher identifier = IDENTIFIER.matcher(inside.group(1));
                            while (identifier.find()) {
                                if (!context.containsBean(identifier.group(1))) {
                                    names.add(identifier.group(1));
                                }
                            }
                        }
                    }
                }
            }
        }
        for (BpmnModelInstance model : models) {
            for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
                if (in.getCamundaSource() != null && names.contains(in.getCamundaTarget())) {
                    names.add(in.getCamundaSource());
                }
            }
        }
        Date inAMonth = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
        Map<String, Object> variables = new LinkedHashMap<>();
        names.forEach(name -> variables.put(name, inAMonth));
        return variables;
    }

    /**
     * Starts an instance right at a wait state, without the listeners and input mappings of what comes before it;
     * a variable an expression of the wait state needs is added (a date for a name ending in At or Date, else a text).
     */
    String startAt(ProcessDefinition definition, String activityId, Map<String, Object> timerVariables) {
        Map<String, Object> variables = new LinkedHashMap<>(timerVariables);
        for (int attempt = 0; ; attempt++) {
            try {
                return runtime.createProcessInstanceById(definition.getId()).businessKey("MIGRATION-" + activityId)
                        .startBeforeActivity(activityId).setVariables(variables).execute(true, true).getId();
            } catch (RuntimeException e) {
                Matcher unresolved = UNRESOLVED.matcher(String.valueOf(e.getMessage()));
                if (attempt > 10 || !unresolved.find()) {
                    throw new NeedsApplicationData(e.getMessage());
                }
                String name = unresolved.group(1);
                variables.put(name, name.endsWith("At") || name.endsWith("Date")
                        ? Date.from(Instant.now().plus(30, ChronoUnit.DAYS)) : "migration-test");
            }
        }
    }

    /** Starting at this wait state evaluates an expression that reads the application's records. */
    static final class NeedsApplicationData extends RuntimeException {
        NeedsApplicationData(String message) {
            super(message);
        }
    }

    private Map<String, Snapshot> snapshots(Collection<ProcessDefinition> definitions) {
        Map<String, Snapshot> snapshots = new TreeMap<>();
        for (ProcessDefinition definition : definitions) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).list()) {
                snapshots.put(instance.getId(), new Snapshot(definition.getKey(),
                        new TreeSet<>(runtime.getActiveActivityIds(instance.getId())),
                        tasks.createTaskQuery().processInstanceId(instance.getId()).count(),
                        // Due dates too: a timer that kept its trigger keeps its due date.
                        management.createJobQuery().processInstanceId(instance.getId()).list().stream()
                                .map(job -> job.getDuedate() == null ? new Date(0) : job.getDuedate()).sorted().toList(),
                        runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).count()));
            }
        }
        return snapshots;
    }

    /** The batch's seed, migration and monitor jobs, as the job executor would run them. */
    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        assertThat(batch).isNotNull();
        for (int round = 0; round < 200 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                    management.executeJob(job.getId());
                }
            }
        }
        assertThat(management.createBatchQuery().batchId(batchId).count()).as("the batch ended").isZero();
    }

    /** Every shipped model (with a word of documentation naming the copy) and every form, as one deployment. */
    private Map<String, ProcessDefinition> deployCopy(String label) throws Exception {
        Map<String, byte[]> resources = new TreeMap<>(RestDeployments.shipped("forms", ""));
        RestDeployments.shipped("processes", ".bpmn").forEach((name, bytes) -> resources.put(name,
                withDocumentation(new String(bytes, StandardCharsets.UTF_8), label).getBytes(StandardCharsets.UTF_8)));
        return deploy(label, resources);
    }

    private Map<String, ProcessDefinition> deploy(String label, Map<String, byte[]> resources) throws Exception {
        HttpResponse<String> response = RestDeployments.deploy(http, port, "analyst", "migration-test-" + label + "-"
                + UUID.randomUUID(), resources);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String id = json.readTree(response.body()).path("id").asText();
        deployments.add(id);
        Map<String, ProcessDefinition> definitions = new TreeMap<>();
        repository.createProcessDefinitionQuery().deploymentId(id).list().forEach(d -> definitions.put(d.getKey(), d));
        return definitions;
    }

    static String withDocumentation(String bpmn, String label) {
        String changed = bpmn.replaceAll("(<bpmn:process\\b[^>]*>)",
                "$1\n    <bpmn:documentation>Migration test copy " + label + "</bpmn:documentation>");
        assertThat(changed).contains("Migration test copy " + label);
        return changed;
    }

    private static String shippedModel(String resourceName) {
        byte[] bytes = RestDeployments.shipped("processes", ".bpmn").get(resourceName);
        assertThat(bytes).as(resourceName).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String probe(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="ProbeDefinitions" targetNamespace="http://example.com/probe">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="ProbeStart"><bpmn:outgoing>ToWait</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="ToWait" sourceRef="ProbeStart" targetRef="ProbeWait" />
                    <bpmn:userTask id="ProbeWait" name="Wait" camunda:candidateGroups="moderators"><bpmn:incoming>ToWait</bpmn:incoming></bpmn:userTask>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
    }

    private String definitionOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getProcessDefinitionId();
    }

    private String keyOf(ProcessInstance instance) {
        return repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
    }

    private HttpResponse<String> ok(String method, String path, String user) throws Exception {
        HttpResponse<String> response = send(method, path, user);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private void assertStatus(String method, String path, String user, int status, String message) throws Exception {
        HttpResponse<String> response = send(method, path, user);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        assertThat(response.body()).containsIgnoringCase(message);
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

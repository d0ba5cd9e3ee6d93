package com.engagementorchestrator.queue;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.security.AccessGroups;
import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.EngagementAssert;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, item 3: the moderators' queue of our own ({@code GET /api/queues/moderation/tasks} and its count), over
 * real HTTP. It lists exactly what the engine shows a moderator for the candidate group moderators (active tasks,
 * claimed or not), oldest first, in pages that neither overlap nor skip; other groups' tasks and suspended tasks stay
 * out; only moderators may call it. It follows every change the engine makes to the queue, in the engine's transaction
 * (queue/ModerationQueueEntries), and is mended when the engine starts.
 */
@IntegrationTest
class ModerationQueueTest {

    static final String QUEUE = "/api/queues/moderation/tasks";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ModerationQueueEntries entries;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void listsExactlyTheModeratorsActiveTasksOldestFirstInPagesWithTheirEngagement() throws Exception {
        Journeys journeys = new Journeys(context);
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance engagement = journeys.register(body -> { });
        management.executeJob(EngagementAssert.job(engagement).getId());
        assertThatEngagement(engagement).isWaitingAt(EngagementProcess.Elements.REVIEW_SCREENING);
        Task screening = EngagementAssert.task(EngagementProcess.Elements.REVIEW_SCREENING, engagement);

        Deployment deployment = repository.createDeployment().name("moderation queue test")
                .addModelInstance("queue-test-moderators.bpmn", model("queue-test-moderators", AccessGroups.MODERATORS))
                .addModelInstance("queue-test-freelancers.bpmn", model("queue-test-freelancers", AccessGroups.FREELANCERS))
                .deploy();
        try {
            String unclaimed = taskOf(runtime.startProcessInstanceByKey("queue-test-moderators"));
            String claimed = taskOf(runtime.startProcessInstanceByKey("queue-test-moderators"));
            tasks.claim(claimed, "moderator");
            ProcessInstance paused = runtime.startProcessInstanceByKey("queue-test-moderators");
            String suspended = taskOf(paused);
            runtime.suspendProcessInstanceById(paused.getId());
            String freelancers = taskOf(runtime.startProcessInstanceByKey("queue-test-freelancers"));

            // Every page of 2, one after the other: no task twice, none left out.
            List<JsonNode> listed = new ArrayList<>();
            for (int first = 0; ; first += 2) {
                HttpResponse<String> page = get(QUEUE + "?firstResult=" + first + "&maxResults=2", "moderator", "moderator");
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                JsonNode tasksOfPage = json.readTree(page.body());
                assertThat(tasksOfPage.size()).isLessThanOrEqualTo(2);
                tasksOfPage.forEach(listed::add);
                if (tasksOfPage.size() < 2) {
                    break;
                }
            }
            List<String> ids = listed.stream().map(t -> t.path("id").asText()).toList();

            // What the engine itself shows the moderator (authorization on), in the same order.
            identity.setAuthentication("moderator", List.of(AccessGroups.MODERATORS));
            List<String> engine;
            try {
                engine = tasks.createTaskQuery().taskCandidateGroup(AccessGroups.MODERATORS).includeAssignedTasks().active()
                        .orderByTaskCreateTime().asc().orderByTaskId().asc().unlimitedList().stream().map(Task::getId).toList();
            } finally {
                identity.clearAuthentication();
            }
            assertThat(ids).containsExactlyElementsOf(engine);
            assertThat(ids).contains(screening.getId(), unclaimed, claimed).doesNotContain(suspended, freelancers);

            JsonNode call = listed.get(ids.indexOf(screening.getId()));
            assertThat(call.path("engagementNumber").asText()).isEqualTo(engagement.getBusinessKey());
            assertThat(call.path("key").asText()).isEqualTo(EngagementProcess.Elements.REVIEW_SCREENING);
            assertThat(call.path("name").asText()).isEqualTo(screening.getName());
            assertThat(call.path("created").asText()).isNotBlank();
            assertThat(call.hasNonNull("assignee")).as("unclaimed").isFalse();
            JsonNode claimedTask = listed.get(ids.indexOf(claimed));
            assertThat(claimedTask.path("assignee").asText()).isEqualTo("moderator");
            assertThat(claimedTask.path("due").asText()).isNotBlank();
            assertThat(claimedTask.path("key").asText()).isEqualTo("Review");

            HttpResponse<String> count = get(QUEUE + "/count", "moderator", "moderator");
            assertThat(count.statusCode()).isEqualTo(200);
            assertThat(json.readTree(count.body()).path("count").asLong()).isEqualTo(engine.size());
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void followsEveryChangeTheEngineMakesWhoeverMakesIt() throws Exception {
        Deployment deployment = repository.createDeployment().name("moderation queue changes")
                .addModelInstance("queue-change-moderators.bpmn", model("queue-change-moderators", AccessGroups.MODERATORS))
                .addModelInstance("queue-change-freelancers.bpmn", model("queue-change-freelancers", AccessGroups.FREELANCERS))
                .deploy();
        String standalone = null;
        try {
            ProcessInstance first = runtime.startProcessInstanceByKey("queue-change-moderators");
            ProcessInstance second = runtime.startProcessInstanceByKey("queue-change-moderators");
            ProcessInstance third = runtime.startProcessInstanceByKey("queue-change-moderators");
            String firstTask = taskOf(first);
            String secondTask = taskOf(second);
            String thirdTask = taskOf(third);
            String freelancers = taskOf(runtime.startProcessInstanceByKey("queue-change-freelancers"));
            assertThat(assertTheQueueIsWhatTheEngineShows("tasks created by a model")).contains(firstTask, secondTask, thirdTask)
                    .doesNotContain(freelancers);

            tasks.addCandidateGroup(freelancers, AccessGroups.MODERATORS);
            assertThat(assertTheQueueIsWhatTheEngineShows("a candidate group added")).contains(freelancers);
            tasks.deleteCandidateGroup(firstTask, AccessGroups.MODERATORS);
            assertThat(assertTheQueueIsWhatTheEngineShows("a candidate group removed")).doesNotContain(firstTask);

            // Cockpit's way: a whole model's instances, then one instance back.
            runtime.updateProcessInstanceSuspensionState().byProcessDefinitionKey("queue-change-moderators").suspend();
            assertThat(assertTheQueueIsWhatTheEngineShows("a model's instances suspended"))
                    .doesNotContain(secondTask, thirdTask);
            runtime.activateProcessInstanceById(second.getId());
            assertThat(assertTheQueueIsWhatTheEngineShows("one instance activated")).contains(secondTask)
                    .doesNotContain(thirdTask);
            runtime.activateProcessInstanceById(third.getId());

            tasks.complete(secondTask);
            runtime.deleteProcessInstance(third.getId(), "withdrawn");
            assertThat(assertTheQueueIsWhatTheEngineShows("a task completed, an instance deleted"))
                    .doesNotContain(secondTask).contains(freelancers);

            Task task = tasks.newTask();
            task.setName("A question for the moderators");
            tasks.saveTask(task);
            standalone = task.getId();
            tasks.addCandidateGroup(standalone, AccessGroups.MODERATORS);
            assertThat(assertTheQueueIsWhatTheEngineShows("a task of no process")).contains(standalone);

            // What a failed command did is not in the queue either: the queue changes in the engine's transaction.
            String kept = freelancers;
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                tasks.deleteCandidateGroup(kept, AccessGroups.MODERATORS);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            assertThat(assertTheQueueIsWhatTheEngineShows("a rolled back change")).contains(freelancers);

            // A queue that drifted (a change made around the engine) is mended when the engine starts.
            jdbc.update("delete from " + ModerationQueueEntries.TABLE + " where task_id = ?", freelancers);
            jdbc.update("insert into " + ModerationQueueEntries.TABLE + " values ('gone', null, current_timestamp, false)");
            jdbc.update("update " + ModerationQueueEntries.TABLE + " set suspended = true where task_id = ?", standalone);
            entries.postProcessEngineBuild(null);
            assertThat(assertTheQueueIsWhatTheEngineShows("mended at start")).contains(freelancers, standalone);
            assertThat(jdbc.queryForObject("select count(*) from " + ModerationQueueEntries.TABLE
                    + " where task_id = 'gone'", Long.class)).isZero();
        } finally {
            if (standalone != null) {
                tasks.deleteTask(standalone, true);
            }
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertTheQueueIsWhatTheEngineShows("a model's deployment deleted with its instances");
    }

    /** Every page of the queue against what the engine itself shows a moderator, in order; answers the queue's ids. */
    private List<String> assertTheQueueIsWhatTheEngineShows(String after) throws Exception {
        List<String> queue = new ArrayList<>();
        for (int first = 0; ; first += ModerationQueueController.MAX_PAGE) {
            HttpResponse<String> page = get(QUEUE + "?firstResult=" + first + "&maxResults="
                    + ModerationQueueController.MAX_PAGE, "moderator", "moderator");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode tasksOfPage = json.readTree(page.body());
            tasksOfPage.forEach(t -> queue.add(t.path("id").asText()));
            if (tasksOfPage.size() < ModerationQueueController.MAX_PAGE) {
                break;
            }
        }
        identity.setAuthentication("moderator", List.of(AccessGroups.MODERATORS));
        try {
            List<String> engine = tasks.createTaskQuery().taskCandidateGroup(AccessGroups.MODERATORS).includeAssignedTasks()
                    .active().orderByTaskCreateTime().asc().orderByTaskId().asc().unlimitedList().stream()
                    .map(Task::getId).toList();
            assertThat(queue).as(after).containsExactlyElementsOf(engine);
        } finally {
            identity.clearAuthentication();
        }
        HttpResponse<String> count = get(QUEUE + "/count", "moderator", "moderator");
        assertThat(json.readTree(count.body()).path("count").asLong()).as(after + ", count").isEqualTo(queue.size());
        return queue;
    }

    @Test
    void onlyModeratorsMayReadTheQueue() throws Exception {
        for (String path : List.of(QUEUE, QUEUE + "/count")) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "application/json").header("Sec-Fetch-Mode", "cors").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path + " without credentials").isEqualTo(401);
            // An unknown user, not a moderator with a wrong password: the engine would delay that moderator's logins.
            assertThat(get(path, "nobody-" + System.nanoTime(), "guess").statusCode()).as(path + " unknown user").isEqualTo(401);
            assertThat(get(path, "freelancer", "freelancer").statusCode()).as(path + " as a freelancer").isEqualTo(403);
            assertThat(get(path, "analyst", "analyst").statusCode()).as(path + " as an analyst").isEqualTo(403);
        }
        String client = "queue-client-" + System.nanoTime();
        User user = identity.newUser(client);
        user.setPassword("queue-client-password");
        identity.saveUser(user);
        identity.createMembership(client, AccessGroups.CLIENTS);
        try {
            assertThat(get(QUEUE, client, "queue-client-password").statusCode()).isEqualTo(403);
        } finally {
            identity.deleteUser(client);
        }
    }

    @Test
    void badPagingIsRefusedWithTheField() throws Exception {
        HttpResponse<String> none = get(QUEUE + "?maxResults=0", "moderator", "moderator");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("maxResults");
        assertThat(get(QUEUE + "?maxResults=" + (ModerationQueueController.MAX_PAGE + 1), "moderator", "moderator")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> negative = get(QUEUE + "?firstResult=-1", "moderator", "moderator");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("firstResult");
    }

    private String taskOf(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private static BpmnModelInstance model(String key, String group) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).camundaStartableInTasklist(false)
                .startEvent().userTask("Review").name("Review " + key).camundaCandidateGroups(group)
                .camundaDueDate("${dateTime().plusDays(3).toDate()}").endEvent().done();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return BasicAuthHttp.send(http, json, port, "GET", path, null, user, password);
    }

}

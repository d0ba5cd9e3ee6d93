package com.engagementorchestrator.queue;

import com.engagementorchestrator.common.AsSystem;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.TaskEngagements;
import com.engagementorchestrator.security.AccessGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderators' queue (issue 13, item 3): the open, active tasks whose candidate group is {@code moderators}, assigned
 * or not (what Tasklist's "Moderation queue" filter shows, less the suspended tasks of paused engagements, which no one
 * can complete), oldest first, a page at a time.
 * <p>
 * Why not the engine's task query: with authorization on, it checks the moderator's grants for every queued task
 * (correlated subqueries per task id) before it sorts and cuts the page, so each page and each count costs the whole
 * queue (README, "Benchmark": p99 267–508 ms at 2,000 queued tasks). Here the moderator's right is checked once per
 * call, and the page is read by a query the engine runs without its per-task check:
 * <ul>
 *   <li>only members of {@code moderators} reach this (SecurityConfiguration, from the engine's group membership);</li>
 *   <li>{@link #authorize} asks the engine once whether the caller may read every task (the {@code moderators}
 *       group's grant on TASK {@code *}, EngineAccessSetup); that grant is what makes the engine show a moderator
 *       each queued task, so the per-task check could only repeat it. The application writes no per-task revokes;
 *       were one added, this check would have to become per task again.</li>
 * </ul>
 * The page query walks the tasks in (created, id) order and keeps those with the candidate link, so it can stop once
 * it has the page (README, "Benchmark", for the plans PostgreSQL chose).
 */
@Service
class ModerationQueue {

    /** A queued task as a moderator picks it. {@code assignee}: who claimed it, null while unclaimed. */
    record QueueTask(String id, String name, String key, String engagementNumber, Instant created, Instant due,
                     String assignee) {
    }

    /**
     * Active tasks ({@code SUSPENSION_STATE_ = 1}) with the candidate group; one row per task (a semi-join, whatever
     * number of links a task has). Camunda's tables, no prefix configured (as {@code common/JobDueDateIndex}).
     */
    private static final String QUEUED = " from ACT_RU_TASK RES where RES.SUSPENSION_STATE_ = 1 and exists (select 1 from"
            + " ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ = #{group})";

    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final TaskEngagements taskEngagements;
    private final TransactionTemplate transactions;

    ModerationQueue(TaskService tasks, AuthorizationService authorizations, IdentityService identity,
                    TaskEngagements taskEngagements, TransactionTemplate transactions) {
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.identity = identity;
        this.taskEngagements = taskEngagements;
        this.transactions = transactions;
    }

    /** The page from {@code first} on, at most {@code max} tasks: one query for the page, three for their engagements. */
    List<QueueTask> page(String userId, List<String> groups, int first, int max) {
        authorize(userId, groups);
        return AsSystem.call(identity, () -> {
            List<Task> page = queued("select RES.*").listPage(first, max);
            Map<String, Engagement> engagements = transactions.execute(status -> taskEngagements.of(page));
            return page.stream().map(task -> view(task, engagements.get(task.getProcessInstanceId()))).toList();
        });
    }

    long count(String userId, List<String> groups) {
        authorize(userId, groups);
        return AsSystem.call(identity, () -> queued("select count(*)").count());
    }

    /** The one authorization check of a call (see the class comment): may the caller read every task? */
    private void authorize(String userId, List<String> groups) {
        if (!groups.contains(AccessGroups.MODERATORS) || !AsSystem.call(identity,
                () -> authorizations.isUserAuthorized(userId, groups, Permissions.READ, Resources.TASK))) {
            throw new AccessDeniedException("The moderation queue is open to moderators who may read every task.");
        }
    }

    private NativeTaskQuery queued(String select) {
        String order = select.contains("count(") ? "" : " order by RES.CREATE_TIME_ asc, RES.ID_ asc";
        return tasks.createNativeTaskQuery().sql(select + QUEUED + order).parameter("group", AccessGroups.MODERATORS);
    }

    private static QueueTask view(Task task, Engagement engagement) {
        return new QueueTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                engagement == null ? null : engagement.getNumber(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee());
    }
}

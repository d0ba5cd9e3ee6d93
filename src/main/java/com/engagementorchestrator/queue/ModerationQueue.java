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
 * queue (README, "Benchmark": p99 218–469 ms at 10,000 queued tasks). Here the moderator's right is checked once per
 * call, and the page is read by a query the engine runs without its per-task check:
 * <ul>
 *   <li>only members of {@code moderators} reach this (SecurityConfiguration, from the engine's group membership);</li>
 *   <li>{@link #authorize} asks the engine once whether the caller may read every task (the {@code moderators}
 *       group's grant on TASK {@code *}, EngineAccessSetup); that grant is what makes the engine show a moderator
 *       each queued task, so the per-task check could only repeat it. The application writes no per-task revokes;
 *       were one added, this check would have to become per task again.</li>
 * </ul>
 * The queue's order and membership come from {@code moderation_queue_task}, which {@link ModerationQueueEntries} keeps
 * in the engine's transactions: a page walks its index in queue order and stops after the page, the count reads the
 * queue's rows alone, and only the page's tasks are read from the engine's table (reading the queue from the engine's tables
 * cost a look-up per queued task on every page and count: README, "Benchmark").
 */
@Service
class ModerationQueue {

    /** A queued task as a moderator picks it. {@code assignee}: who claimed it, null while unclaimed. */
    record QueueTask(String id, String name, String key, String engagementNumber, Instant created, Instant due,
                     String assignee) {
    }

    /**
     * A page: the active queued tasks' ids in queue order from the queue's index ({@code moderation_queue_task_order}:
     * suspended, created, task id), cut to the page, then the page's rows by primary key. Standard SQL, the same on
     * PostgreSQL and on H2.
     */
    static final String PAGE = "select RES.* from ACT_RU_TASK RES join (select Q.task_id, Q.created from "
            + ModerationQueueEntries.TABLE + " Q where Q.suspended = false order by Q.created asc, Q.task_id asc"
            + " offset #{first} rows fetch next #{max} rows only) P on RES.ID_ = P.task_id"
            + " order by P.created asc, P.task_id asc";

    static final String COUNT = "select count(*) from " + ModerationQueueEntries.TABLE + " where suspended = false";

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

    /** The page from {@code first} on, at most {@code max} tasks: one query for the page, up to three for their engagements. */
    List<QueueTask> page(String userId, List<String> groups, int first, int max) {
        // One transaction (one connection, one BEGIN) for the check, the page and its engagements.
        return transactions.execute(status -> {
            authorize(userId, groups);
            return AsSystem.call(identity, () -> {
                // list(), not listPage(): the page is cut inside the query (PAGE), the engine must not cut it again.
                List<Task> page = tasks.createNativeTaskQuery().sql(PAGE).parameter("first", first).parameter("max", max).list();
                Map<String, Engagement> engagements = taskEngagements.of(page);
                return page.stream().map(task -> view(task, engagements.get(task.getProcessInstanceId()))).toList();
            });
        });
    }

    long count(String userId, List<String> groups) {
        return transactions.execute(status -> {
            authorize(userId, groups);
            return AsSystem.call(identity, () -> tasks.createNativeTaskQuery().sql(COUNT).count());
        });
    }

    /** The one authorization check of a call (see the class comment): may the caller read every task? */
    private void authorize(String userId, List<String> groups) {
        if (!groups.contains(AccessGroups.MODERATORS) || !AsSystem.call(identity,
                () -> authorizations.isUserAuthorized(userId, groups, Permissions.READ, Resources.TASK))) {
            throw new AccessDeniedException("The moderation queue is open to moderators who may read every task.");
        }
    }

    private static QueueTask view(Task task, Engagement engagement) {
        return new QueueTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                engagement == null ? null : engagement.getNumber(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee());
    }
}

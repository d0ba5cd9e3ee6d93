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
 * queue (README, "Benchmark": p99 267–508 ms at 2,000 queued tasks). Here the moderator's right is checked once per
 * call, and the page is read by a query the engine runs without its per-task check:
 * <ul>
 *   <li>only members of {@code moderators} reach this (SecurityConfiguration, from the engine's group membership);</li>
 *   <li>{@link #authorize} asks the engine once whether the caller may read every task (the {@code moderators}
 *       group's grant on TASK {@code *}, EngineAccessSetup); that grant is what makes the engine show a moderator
 *       each queued task, so the per-task check could only repeat it. The application writes no per-task revokes;
 *       were one added, this check would have to become per task again.</li>
 * </ul>
 * The page query reads the queue's ids and creation times, and whole rows for the page alone; it reads the whole queue
 * (a sort of id and time pairs), not only the page: see {@link #PAGE} and README, "Benchmark", for why and the plans.
 */
@Service
class ModerationQueue {

    /** A queued task as a moderator picks it. {@code assignee}: who claimed it, null while unclaimed. */
    record QueueTask(String id, String name, String key, String engagementNumber, Instant created, Instant due,
                     String assignee) {
    }

    /**
     * The active tasks ({@code SUSPENSION_STATE_ = 1}) with the candidate group, as (id, created) pairs, read from the
     * group's links: one primary-key look-up per link ({@code offset 0} keeps the lateral subquery a look-up per link;
     * as a plain join PostgreSQL read every open task's row to hash-join the few queued ones, 12 ms of a page's 20 ms
     * at 22,000 open tasks, growing with all tasks instead of with the queue). One row per task, whatever number of
     * links a task has. Camunda's tables, no prefix configured (as {@code common/JobDueDateIndex}).
     */
    static final String QUEUED = "select distinct T.ID_, T.CREATE_TIME_ from ACT_RU_IDENTITYLINK I cross join lateral"
            + " (select RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES where RES.ID_ = I.TASK_ID_"
            + " and RES.SUSPENSION_STATE_ = 1 offset 0) T where I.GROUP_ID_ = #{group} and I.TYPE_ = 'candidate'";

    static final String COUNT = "select count(*) from (" + QUEUED + ") Q";

    /**
     * The same in standard SQL, for the other databases the engine runs on (H2 in the embedded default profile has
     * neither lateral joins nor materialized common table expressions); the plans above are PostgreSQL's.
     */
    static final String QUEUED_STANDARD = "select distinct T.ID_, T.CREATE_TIME_ from ACT_RU_IDENTITYLINK I join ACT_RU_TASK T"
            + " on T.ID_ = I.TASK_ID_ where I.GROUP_ID_ = #{group} and I.TYPE_ = 'candidate' and T.SUSPENSION_STATE_ = 1";
    static final String COUNT_STANDARD = "select count(*) from (" + QUEUED_STANDARD + ") Q";
    static final String PAGE_STANDARD = "select RES.* from ACT_RU_TASK RES where RES.ID_ in (select Q.ID_ from ("
            + QUEUED_STANDARD + ") Q order by Q.CREATE_TIME_ asc, Q.ID_ asc limit #{max} offset #{first})"
            + " order by RES.CREATE_TIME_ asc, RES.ID_ asc";

    /**
     * A page: the queued tasks' ids and creation times ({@link #QUEUED}), sorted, the page cut from them, then the
     * page's rows. Materialized so that PostgreSQL cannot instead walk all tasks in creation order (ACT_IDX_TASK_CREATE)
     * until it has found the page, which it prefers for the first pages: with the queue's tasks among the newest
     * (moderators work their queue within days, clients' tasks wait for weeks) that walk passes every older client's
     * task first: 19,629 index probes, 126 ms, for the first 15 of 2,000 queued tasks at 22,000 open tasks.
     */
    static final String PAGE = "with QUEUED as materialized (" + QUEUED + ")"
            + " select RES.* from ACT_RU_TASK RES where RES.ID_ in (select Q.ID_ from QUEUED Q"
            + " order by Q.CREATE_TIME_ asc, Q.ID_ asc limit #{max} offset #{first})"
            + " order by RES.CREATE_TIME_ asc, RES.ID_ asc";

    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final TaskEngagements taskEngagements;
    private final TransactionTemplate transactions;
    private final boolean postgres;

    ModerationQueue(TaskService tasks, AuthorizationService authorizations, IdentityService identity,
                    TaskEngagements taskEngagements, TransactionTemplate transactions,
                    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
        this.postgres = "postgres".equals(engine.getDatabaseType());
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
                List<Task> page = tasks.createNativeTaskQuery().sql(postgres ? PAGE : PAGE_STANDARD).parameter("group", AccessGroups.MODERATORS)
                        .parameter("first", first).parameter("max", max).list();
                Map<String, Engagement> engagements = taskEngagements.of(page);
                return page.stream().map(task -> view(task, engagements.get(task.getProcessInstanceId()))).toList();
            });
        });
    }

    long count(String userId, List<String> groups) {
        return transactions.execute(status -> {
            authorize(userId, groups);
            return AsSystem.call(identity, () -> tasks.createNativeTaskQuery().sql(postgres ? COUNT : COUNT_STANDARD)
                    .parameter("group", AccessGroups.MODERATORS).count());
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

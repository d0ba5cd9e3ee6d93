package com.engagementorchestrator.queue;

import com.engagementorchestrator.security.AccessGroups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code moderation_queue_task} (V22) equal to the open tasks with the candidate group {@code moderators}, in the
 * transaction of the engine command that changes them, so that {@link ModerationQueue} reads a page and the count from
 * an index in queue order (issue 13, item 3: at 10,000 queued tasks, reading the queue from the engine's tables cost
 * 10,000 look-ups per page and per count, p99 76–87 ms).
 * <p>
 * It follows the engine itself, so every change counts whoever makes it (a model's candidate groups, Tasklist, the
 * REST API, a process deleted, modified or moved, Cockpit's suspension):
 * <ul>
 *   <li>a candidate link of the group added or removed, a task ended (completed, or deleted however, also by a
 *       deletion that writes no history, as of a deployment deleted with its instances): from the links and tasks the
 *       command inserted or deleted, read from the engine's entity cache when the command closes, before the engine
 *       writes its own changes;</li>
 *   <li>a process instance suspended or activated: the engine suspends an instance's tasks with one bulk update that
 *       passes no entity, so from its history event for the instance (produced at every history level but
 *       {@code none}, where the engine refuses to start rather than show a queue that stops changing).</li>
 * </ul>
 * When the engine starts, the table is brought in line with the engine's tables (filled on the first start after
 * V22, and mended should a change ever have bypassed the engine).
 */
@Component
class ModerationQueueEntries extends AbstractProcessEnginePlugin {

    static final String TABLE = "moderation_queue_task";

    private static final String ADD = "insert into " + TABLE + " (task_id, process_instance_id, created, suspended)"
            + " select ?, ?, ?, ? from (values (1)) V where not exists (select 1 from " + TABLE + " where task_id = ?)";
    private static final String REMOVE = "delete from " + TABLE + " where task_id = ?";
    private static final String SUSPEND = "update " + TABLE + " set suspended = ? where process_instance_id = ?";

    /** At start: what the engine's tables hold (its schema has no table prefix, as common/JobDueDateIndex). */
    private static final String MEND_ENDED = "delete from " + TABLE + " where not exists (select 1 from"
            + " ACT_RU_IDENTITYLINK I where I.TASK_ID_ = " + TABLE + ".task_id and I.GROUP_ID_ = ? and I.TYPE_ = 'candidate')";
    private static final String MEND_MISSING = "insert into " + TABLE + " (task_id, process_instance_id, created, suspended)"
            + " select distinct T.ID_, T.PROC_INST_ID_, T.CREATE_TIME_, T.SUSPENSION_STATE_ = 2 from ACT_RU_TASK T"
            + " join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_ where I.GROUP_ID_ = ? and I.TYPE_ = 'candidate'"
            + " and not exists (select 1 from " + TABLE + " Q where Q.task_id = T.ID_)";
    private static final String MEND_SUSPENSION = "update " + TABLE + " set suspended = not suspended where exists"
            + " (select 1 from ACT_RU_TASK T where T.ID_ = " + TABLE + ".task_id and (T.SUSPENSION_STATE_ = 2) <> "
            + TABLE + ".suspended)";

    private final DataSource dataSource;

    ModerationQueueEntries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCommandContextFactory() != null) {
            throw new ProcessEngineException("The moderators' queue (" + TABLE + ") registers its listener through the"
                    + " engine's command context factory, and another one is configured: "
                    + configuration.getCommandContextFactory().getClass().getName());
        }
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                CommandContext context = super.createCommandContext();
                context.registerCommandContextListener(FOLLOWING_TASKS);
                return context;
            }
        };
        // The engine gives its configuration only to the factory it creates itself.
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!configuration.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.PROCESS_INSTANCE_UPDATE, null)) {
            throw new ProcessEngineException("The moderators' queue (" + TABLE + ") learns of suspended process instances"
                    + " from the engine's history, which history level " + configuration.getHistoryLevel().getName()
                    + " does not write; set camunda.bpm.history-level to activity, audit or full");
        }
        configuration.setHistoryEventHandler(new Following(configuration.getHistoryEventHandler()));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (String mend : List.of(MEND_ENDED, MEND_MISSING)) {
                    try (PreparedStatement statement = connection.prepareStatement(mend)) {
                        statement.setString(1, AccessGroups.MODERATORS);
                        statement.executeUpdate();
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(MEND_SUSPENSION);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The moderators' queue (" + TABLE + ") could not be filled from the engine's tasks", e);
        }
    }

    /**
     * What a command did to the queue's tasks and candidate links, once per command context, when it closes without an
     * error and before the engine flushes it: until then the engine keeps what it inserted and deleted in its cache,
     * marked so. A task with a link added (and not ended) joins the queue, one that ended or lost its link leaves it.
     */
    private static final CommandContextListener FOLLOWING_TASKS = new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext context) {
            if (!(context.getSessions().get(DbEntityManager.class) instanceof DbEntityManager entities)) {
                return;
            }
            DbEntityCache cache = entities.getDbEntityCache();
            Set<String> leaving = new LinkedHashSet<>();
            Set<String> joining = new LinkedHashSet<>();
            for (IdentityLinkEntity link : cache.getEntitiesByType(IdentityLinkEntity.class)) {
                if (link.getTaskId() != null && AccessGroups.MODERATORS.equals(link.getGroupId())
                        && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (cache.isDeleted(link)) {
                        leaving.add(link.getTaskId());
                    } else if (cache.isTransient(link)) {
                        joining.add(link.getTaskId());
                    }
                }
            }
            for (TaskEntity task : cache.getEntitiesByType(TaskEntity.class)) {
                if (task.isDeleted()) {
                    joining.remove(task.getId());
                    leaving.add(task.getId());
                }
            }
            leaving.removeAll(joining);
            try {
                for (String taskId : leaving) {
                    execute(context, REMOVE, taskId);
                }
                for (String taskId : joining) {
                    TaskEntity task = entities.selectById(TaskEntity.class, taskId);
                    if (task != null) {
                        execute(context, ADD, taskId, task.getProcessInstanceId(),
                                new Timestamp(task.getCreateTime().getTime()),
                                task.getSuspensionState() == SuspensionState.SUSPENDED.getStateCode(), taskId);
                    }
                }
            } catch (SQLException e) {
                // The engine rolls back the command: a change the queue cannot follow is not made.
                throw new ProcessEngineException("The moderators' queue (" + TABLE + ") could not follow the tasks "
                        + leaving + " leaving and " + joining + " joining: " + e.getMessage(), e);
            }
        }

        @Override
        public void onCommandFailed(CommandContext context, Throwable failure) {
            // Nothing to undo: what was written is in the transaction the engine rolls back.
        }
    };

    /** On the engine's own connection, so in the command's transaction. */
    private static void execute(CommandContext context, String sql, Object... parameters) throws SQLException {
        Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The engine's handler (database and the others), then a suspension's or activation's change, in the same transaction. */
    private record Following(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            delegate.handleEvent(event);
            follow(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events);
            events.forEach(Following::follow);
        }

        private static void follow(HistoryEvent event) {
            if (event instanceof HistoricProcessInstanceEventEntity instance
                    && HistoryEventTypes.PROCESS_INSTANCE_UPDATE.getEventName().equals(instance.getEventType())) {
                try {
                    // Only a suspension or an activation: an update in any other state says nothing of it.
                    if (HistoricProcessInstance.STATE_SUSPENDED.equals(instance.getState())) {
                        execute(Context.getCommandContext(), SUSPEND, true, instance.getProcessInstanceId());
                    } else if (HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())) {
                        execute(Context.getCommandContext(), SUSPEND, false, instance.getProcessInstanceId());
                    }
                } catch (SQLException e) {
                    throw new ProcessEngineException("The moderators' queue (" + TABLE + ") could not follow the"
                            + " suspension state of process instance " + instance.getProcessInstanceId() + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }
}

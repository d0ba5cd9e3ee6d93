package com.engagementorchestrator.engagement;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, including those of called processes, is named after its engagement and company
 * when it is created, and carries the client, company and engagement number for its form: one place for all of them.
 * The base names stay in the BPMN.
 */
@Component
class TaskContextPlugin extends AbstractProcessEnginePlugin {

    static final String ENGAGEMENT_ID = "engagementId";
    static final String CLIENT_USER_ID = "clientUserId";

    /** Resolved when the first task is created: the engine is built before the JPA repositories are needed. */
    private final ObjectProvider<TaskContexts> contexts;

    TaskContextPlugin(ObjectProvider<TaskContexts> contexts) {
        this.contexts = contexts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener nameTask = this::nameTask;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, nameTask);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void nameTask(DelegateTask task) {
        Object engagementId = task.getVariable(ENGAGEMENT_ID);
        Object clientUserId = task.getVariable(CLIENT_USER_ID);
        var context = engagementId instanceof Number id ? contexts.getObject().ofEngagement(id.longValue())
                : clientUserId instanceof String user ? contexts.getObject().ofClient(user)
                : java.util.Optional.<TaskContexts.TaskContext>empty();
        context.ifPresent(c -> {
            task.setName(c.taskName(task.getName()));
            task.setVariablesLocal(c.variables());
        });
    }
}

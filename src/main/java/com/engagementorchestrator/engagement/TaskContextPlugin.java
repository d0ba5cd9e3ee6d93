package com.engagementorchestrator.engagement;

import com.engagementorchestrator.common.ProcessVariable;
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

    /** Every process that runs for an engagement or a client carries one of these (same names in each facade). */
    private static final ProcessVariable<Long> ENGAGEMENT_ID = EngagementProcess.Variables.ENGAGEMENT_ID;
    private static final ProcessVariable<String> CLIENT_USER_ID = EngagementProcess.Variables.CLIENT_USER_ID;

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
        Long engagementId = ENGAGEMENT_ID.get(task);
        String clientUserId = CLIENT_USER_ID.get(task);
        var context = engagementId != null ? contexts.getObject().ofEngagement(engagementId)
                : clientUserId != null ? contexts.getObject().ofClient(clientUserId)
                : java.util.Optional.<TaskContexts.TaskContext>empty();
        context.ifPresent(c -> {
            task.setName(c.taskName(task.getName()));
            task.setVariablesLocal(c.variables());
        });
    }
}

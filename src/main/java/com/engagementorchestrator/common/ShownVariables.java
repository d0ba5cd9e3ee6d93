package com.engagementorchestrator.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * The engine keeps no history of the variables a task only shows ({@link ProcessVariable.Scope#SHOWN}: the task's
 * engagement, client and company, the invoice on a payment task, the screening brief, ...): they are read-only copies
 * of the domain's records, set when the task is created and gone with it, so their history ({@code ACT_HI_VARINST}
 * and, at history level full, an {@code ACT_HI_DETAIL} row when set and another when removed) told nothing the domain
 * tables do not. Issue 13: about a sixth of the rows an engagement wrote. Their values at run time (forms, Tasklist,
 * the portal) are as before; every other variable's history is written as before, also a process variable that
 * happens to share a shown variable's name (only task-local ones are skipped).
 */
@Component
public class ShownVariables extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new HistoryWithout(configuration.getHistoryEventHandler(),
                ShownVariables::isShown));
    }

    private static boolean isShown(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                && ProcessVariable.isShown(variable.getVariableName());
    }
}

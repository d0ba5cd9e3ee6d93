package com.engagementorchestrator.forms;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's FormService with {@link TaskFormGuard} in front of form submissions and form variables. */
class GuardedFormService extends FormServiceImpl {

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        super.submitTaskForm(taskId, TaskFormGuard.checkTaskSubmission(commandExecutor, taskId, properties));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserialize) {
        return super.submitTaskFormWithVariablesInReturn(taskId,
                TaskFormGuard.checkTaskSubmission(commandExecutor, taskId, properties), deserialize);
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
        return super.submitStartForm(processDefinitionId,
                TaskFormGuard.checkStartSubmission(commandExecutor, processDefinitionId, properties));
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
                                           Map<String, Object> properties) {
        return super.submitStartForm(processDefinitionId, businessKey,
                TaskFormGuard.checkStartSubmission(commandExecutor, processDefinitionId, properties));
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId) {
        return TaskFormGuard.readable(commandExecutor, taskId, super.getTaskFormVariables(taskId));
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserialize) {
        return TaskFormGuard.readable(commandExecutor, taskId,
                super.getTaskFormVariables(taskId, formVariables, deserialize));
    }
}

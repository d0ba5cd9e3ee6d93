package com.engagementorchestrator.forms;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** The engine's TaskService with {@link TaskFormGuard} in front of every write and read of task variables. */
class GuardedTaskService extends TaskServiceImpl {

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        super.complete(taskId, TaskFormGuard.checkTaskSubmission(commandExecutor, taskId, variables));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserialize) {
        return super.completeWithVariablesInReturn(taskId,
                TaskFormGuard.checkTaskSubmission(commandExecutor, taskId, variables), deserialize);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        super.resolveTask(taskId, TaskFormGuard.checkTaskSubmission(commandExecutor, taskId, variables));
    }

    @Override
    protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
        super.setVariables(taskId, TaskFormGuard.checkVariableWrite(commandExecutor, taskId, variables), local);
    }

    @Override
    public void setVariable(String taskId, String name, Object value) {
        setVariables(taskId, single(name, value), false);
    }

    @Override
    public void setVariableLocal(String taskId, String name, Object value) {
        setVariables(taskId, single(name, value), true);
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions,
                                   boolean local) {
        if (deletions != null && !deletions.isEmpty()) {
            TaskFormGuard.checkRemoval(commandExecutor, taskId, deletions);
        }
        super.updateVariables(taskId, TaskFormGuard.checkVariableWrite(commandExecutor, taskId, modifications),
                deletions, local);
    }

    @Override
    public void removeVariable(String taskId, String name) {
        TaskFormGuard.checkRemoval(commandExecutor, taskId, java.util.List.of(name));
        super.removeVariable(taskId, name);
    }

    @Override
    public void removeVariableLocal(String taskId, String name) {
        TaskFormGuard.checkRemoval(commandExecutor, taskId, java.util.List.of(name));
        super.removeVariableLocal(taskId, name);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> names) {
        TaskFormGuard.checkRemoval(commandExecutor, taskId, names);
        super.removeVariables(taskId, names);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> names) {
        TaskFormGuard.checkRemoval(commandExecutor, taskId, names);
        super.removeVariablesLocal(taskId, names);
    }

    // The shorter forms run their own engine commands, not the long form: each passes the same check.
    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        TaskFormGuard.checkStaffOnly(commandExecutor, "raise a BPMN error from a task");
        super.handleBpmnError(taskId, errorCode);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        TaskFormGuard.checkStaffOnly(commandExecutor, "raise a BPMN error from a task");
        super.handleBpmnError(taskId, errorCode, errorMessage);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        TaskFormGuard.checkStaffOnly(commandExecutor, "escalate from a task");
        super.handleEscalation(taskId, escalationCode);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        TaskFormGuard.checkStaffOnly(commandExecutor, "raise a BPMN error from a task");
        super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        TaskFormGuard.checkStaffOnly(commandExecutor, "escalate from a task");
        super.handleEscalation(taskId, escalationCode, variables);
    }

    @Override
    public VariableMap getVariablesTyped(String taskId, boolean deserialize) {
        return TaskFormGuard.readable(commandExecutor, taskId, super.getVariablesTyped(taskId, deserialize));
    }

    @Override
    public VariableMap getVariablesLocalTyped(String taskId, boolean deserialize) {
        return TaskFormGuard.readable(commandExecutor, taskId, super.getVariablesLocalTyped(taskId, deserialize));
    }

    @Override
    public VariableMap getVariablesTyped(String taskId, Collection<String> names, boolean deserialize) {
        return TaskFormGuard.readable(commandExecutor, taskId, super.getVariablesTyped(taskId, names, deserialize));
    }

    @Override
    public VariableMap getVariablesLocalTyped(String taskId, Collection<String> names, boolean deserialize) {
        return TaskFormGuard.readable(commandExecutor, taskId, super.getVariablesLocalTyped(taskId, names, deserialize));
    }

    @Override
    public VariableMap getVariables(String taskId) {
        return getVariablesTyped(taskId, true);
    }

    @Override
    public VariableMap getVariablesTyped(String taskId) {
        return getVariablesTyped(taskId, true);
    }

    @Override
    public VariableMap getVariablesLocal(String taskId) {
        return getVariablesLocalTyped(taskId, true);
    }

    @Override
    public VariableMap getVariablesLocalTyped(String taskId) {
        return getVariablesLocalTyped(taskId, true);
    }

    @Override
    public VariableMap getVariables(String taskId, Collection<String> names) {
        return getVariablesTyped(taskId, names, true);
    }

    @Override
    public VariableMap getVariablesLocal(String taskId, Collection<String> names) {
        return getVariablesLocalTyped(taskId, names, true);
    }

    @Override
    public Object getVariable(String taskId, String name) {
        return TaskFormGuard.mayRead(commandExecutor, taskId, name) ? super.getVariable(taskId, name) : null;
    }

    @Override
    public Object getVariableLocal(String taskId, String name) {
        return TaskFormGuard.mayRead(commandExecutor, taskId, name) ? super.getVariableLocal(taskId, name) : null;
    }

    @Override
    protected <T extends TypedValue> T getVariableTyped(String taskId, String name, boolean local, boolean deserialize) {
        return TaskFormGuard.mayRead(commandExecutor, taskId, name)
                ? super.getVariableTyped(taskId, name, local, deserialize) : null;
    }

    private static Map<String, Object> single(String name, Object value) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(name, value);
        return map;
    }
}

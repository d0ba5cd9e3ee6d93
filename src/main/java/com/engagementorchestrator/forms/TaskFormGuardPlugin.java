package com.engagementorchestrator.forms;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TaskFormGuard} inside the engine, so that the engine REST API, Tasklist's API and our own API cannot
 * go around it; and makes the engine refuse to deserialize object variables into types outside its allow-list.
 */
@Component
class TaskFormGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new GuardedTaskService());
        configuration.setFormService(new GuardedFormService());
        // Only the JDK's value and collection types (the engine's default allow-list) are ever deserialized.
        configuration.setDeserializationTypeValidationEnabled(true);
    }
}

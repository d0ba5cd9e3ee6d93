package com.engagementorchestrator.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Every new deployment (REST, Cockpit, the application's own at start) is recorded by {@link DeploymentRecorder}, a
 * deployer that runs after the engine's own, inside the deployment's transaction: no deployment without its record.
 * Next to deployment/ModelGuardPlugin, which checks a deployment before the engine's deployers.
 */
@Component
class DeploymentAuditPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> postDeployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        postDeployers.add(new DeploymentRecorder());
        configuration.setCustomPostDeployers(postDeployers);
    }
}

package com.engagementorchestrator.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * By default the engine makes whoever deploys the owner of the deployment, with every permission on it, DELETE
 * included; deleting a deployment cascades to the engagements running on its models. Deployments here have no owners:
 * what a group may do with them is exactly what {@link EngineAccessSetup} grants.
 */
@Component
class NoDeploymentOwnersPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newDeployment(Deployment deployment) {
                return new AuthorizationEntity[0];
            }
        });
    }
}

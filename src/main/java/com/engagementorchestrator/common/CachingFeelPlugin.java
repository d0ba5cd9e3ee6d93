package com.engagementorchestrator.common;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The engine's decisions evaluate FEEL with {@link CachingFeelEngine}, which parses each cell once. */
@Component
public class CachingFeelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return; // the legacy (JUEL-based) FEEL engine is another engine altogether
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn::getFeelCustomFunctionProviders));
    }
}

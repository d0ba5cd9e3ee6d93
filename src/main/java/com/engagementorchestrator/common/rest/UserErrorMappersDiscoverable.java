package com.engagementorchestrator.common.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers {@link UserErrorMappers} in every Jersey application of the process: /engine-rest (Spring Boot's Jersey) and
 * the webapps' own APIs (Tasklist's /camunda/api/engine is a separate application Spring does not configure). Listed in
 * META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable; Jersey's auto-discovery is on by default.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class UserErrorMappersDiscoverable implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(UserErrorMappers.AnyException.class)) {
            context.register(UserErrorMappers.AnyException.class);
            context.register(UserErrorMappers.EngineException.class);
            context.register(UserErrorMappers.RestResourceException.class);
        }
    }
}

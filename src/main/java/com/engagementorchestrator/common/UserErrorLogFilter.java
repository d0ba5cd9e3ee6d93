package com.engagementorchestrator.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps users' mistakes out of the error log. The engine logs every exception that ends a command at ERROR with its
 * stack ("ENGINE-16004 Exception while closing command context"), also a refused task completion; the REST layer then
 * answers 4xx and logs one line (see rest.UserErrorMappers). Only Camunda's loggers are filtered, only for mistakes
 * (see {@link UserErrors}); real errors stay logged.
 */
@Component
public class UserErrorLogFilter extends TurboFilter {

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(UserErrorLogFilter.class::isInstance)) {
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm")) {
            return FilterReply.NEUTRAL;
        }
        // Camunda's loggers pass the exception as the last format argument.
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        return thrown != null && UserErrors.refusal(thrown).isPresent() ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}

package com.engagementorchestrator.common.rest;

import com.engagementorchestrator.common.UserErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers users' mistakes in the engine's REST APIs (/engine-rest, and Tasklist's /camunda/api/engine) with 4xx:
 * {@code {type, message, fields}}. Camunda maps every exception a listener throws to 500 and logs it with its stack;
 * these mappers take only the mistakes (see {@link UserErrors}) and leave every other exception to Camunda. Jersey picks
 * the nearest exception type first, so there is one mapper per type Camunda maps; {@code @Priority} makes ours win at
 * equal distance, {@code isMappable} hands everything else back. Database faults stay 500 but without the SQL error
 * Camunda would quote.
 */
public final class UserErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(UserErrorMappers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserErrorMappers() {
    }

    static boolean mappable(Throwable thrown) {
        return UserErrors.refusal(thrown).isPresent() || UserErrors.isDatabaseFault(thrown);
    }

    static Response answer(Throwable thrown) {
        if (UserErrors.refusal(thrown).isEmpty()) {
            // Camunda would quote the SQL error (statement, values, schema) back to the caller; it is logged instead.
            LOG.error("Database fault answered as 500", thrown);
            return json(500, Map.of("type", "ServerError",
                    "message", "The request failed on the server; the error has been logged"));
        }
        UserErrors.Refusal refusal = UserErrors.refusal(thrown).orElseThrow();
        // A user's mistake: one line, no stack trace.
        LOG.info("Refused with {}: {}", refusal.status(), refusal.message());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.type());
        body.put("message", refusal.message());
        body.put("fields", refusal.fields());
        return json(refusal.status(), body);
    }

    private static Response json(int status, Map<String, Object> body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our exceptions when they reach the REST layer unwrapped (thrown by a service the resource calls). */
    @Priority(1)
    public static final class AnyException implements ExtendedExceptionMapper<Throwable> {
        @Override
        public boolean isMappable(Throwable exception) {
            return mappable(exception);
        }

        @Override
        public Response toResponse(Throwable exception) {
            return answer(exception);
        }
    }

    /** Wrapped by the engine, e.g. ENGINE-03051 around a task listener's exception. */
    @Priority(1)
    public static final class EngineException implements ExtendedExceptionMapper<ProcessEngineException> {
        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return mappable(exception);
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception);
        }
    }

    /** Wrapped once more by a REST resource ("Cannot complete task ...", status 500). */
    @Priority(1)
    public static final class RestResourceException implements ExtendedExceptionMapper<RestException> {
        @Override
        public boolean isMappable(RestException exception) {
            return mappable(exception);
        }

        @Override
        public Response toResponse(RestException exception) {
            return answer(exception);
        }
    }
}

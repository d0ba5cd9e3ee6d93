package com.engagementorchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Processes the application starts itself (an engagement, its reminders, blocks, reviews) are not offered in
 * Tasklist ({@code camunda:isStartableInTasklist="false"}), and a person cannot start them through the engine REST API
 * or Tasklist's engine API either: without the variables the application gives them they would only fail later. 403
 * with the reason; the meeting protocol, the one process people start, passes.
 */
public class InternalProcessStartFilter extends OncePerRequestFilter {

    private static final Pattern START = Pattern.compile("^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)"
            + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?$");

    private final RepositoryService repository;
    private final ObjectMapper json;

    public InternalProcessStartFilter(RepositoryService repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher start = START.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if ("POST".equals(request.getMethod()) && start.matches()) {
            ProcessDefinition definition = start.group(1) != null
                    ? repository.createProcessDefinitionQuery().processDefinitionKey(start.group(1)).latestVersion()
                            .withoutTenantId().singleResult()
                    : repository.createProcessDefinitionQuery().processDefinitionId(start.group(2)).singleResult();
            if (definition != null && !definition.isStartableInTasklist()) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException",
                        "message", "'" + (definition.getName() == null ? definition.getKey() : definition.getName())
                                + "' is started by the application itself, not by hand; in Tasklist, start a Meeting protocol"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

package com.engagementorchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Clients work on their own tasks; the engine's operational data is not theirs to read. Camunda authorizations cannot
 * tell these apart (the read permissions a client needs for Tasklist also open statistics, jobs and incidents of
 * their processes), so for a member of {@code clients} this refuses, with 403, the engine REST API and Tasklist's
 * engine API for metrics, statistics, history reports, jobs, job definitions, incidents, batches, external tasks and
 * the like, and the Cockpit and Admin plugin APIs. Runs after Camunda's authentication of /engine-rest (the
 * authenticated user is set on the engine) and reads the webapps' login from the session.
 */
public class ClientEngineApiFilter extends OncePerRequestFilter {

    /** /engine-rest, /engine-rest/engine/{name} and /camunda/api/engine/engine/{name}, then the resource path. */
    private static final Pattern ENGINE_API = Pattern.compile(
            "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)(/.*)?$");
    private static final Pattern OPERATIONAL = Pattern.compile(String.join("|",
            "/metrics(/.*)?",
            ".*/statistics(/.*)?",
            ".*/report(/.*)?",
            "/history/[^/]+/cleanable-[^/]+-report(/.*)?",
            "/history/(incident|job-log|batch|external-task-log|cleanup|decision-instance|decision-requirements-definition)(/.*)?",
            "/(job|job-definition|incident|batch|external-task|migration|modification|schema|telemetry|event-subscription|user|group|tenant)(/.*)?"));
    private static final Pattern WEBAPP_PLUGIN_API = Pattern.compile("^/camunda/api/(cockpit|admin/plugin)(/.*)?$");

    private final IdentityService identity;
    private final ObjectMapper json;

    public ClientEngineApiFilter(IdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isOperational(path) && isClient(request, path)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException",
                    "message", "Clients may work on their own tasks only; this part of the engine API is not open to them"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isOperational(String path) {
        if (WEBAPP_PLUGIN_API.matcher(path).matches()) {
            return true;
        }
        var engine = ENGINE_API.matcher(path);
        if (!engine.matches()) {
            return false;
        }
        String resource = engine.group(1) == null ? "/" : engine.group(1);
        // a client reads their own profile and groups (Tasklist shows them) and changes their password (Welcome app);
        // which user's, Camunda's authorizations decide
        if (resource.matches("/(user/[^/]+/(profile|credentials)|identity/groups)")) {
            return false;
        }
        return OPERATIONAL.matcher(resource).matches();
    }

    private boolean isClient(HttpServletRequest request, String path) {
        List<String> groups = null;
        if (path.startsWith("/engine-rest")) {
            Authentication engineUser = identity.getCurrentAuthentication();
            groups = engineUser == null ? null : engineUser.getGroupIds();
        } else {
            HttpSession session = request.getSession(false);
            Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (logins != null) {
                groups = logins.getAuthentications().stream().map(UserAuthentication::getGroupIds)
                        .filter(ids -> ids != null).flatMap(List::stream).toList();
            }
        }
        return groups != null && groups.contains(AccessGroups.CLIENTS);
    }
}

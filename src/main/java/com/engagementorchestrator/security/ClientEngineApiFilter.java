package com.engagementorchestrator.security;

import com.engagementorchestrator.common.AsSystem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Clients work in the client portal (/portal), which completes their tasks through the engine as them, under the same
 * form guard. The engine REST API and Camunda's web apps (Tasklist, Cockpit, Admin, Welcome) are for the staff: a
 * member of {@code clients} gets 403 there with a message sending them to the portal, on every path of /engine-rest
 * and /camunda/api, including the webapps' login, so a client never holds a working webapp session. Camunda's
 * authorizations alone cannot say this (the engine authorizations the portal needs as the client would open parts of
 * the engine API too). Runs after Camunda's authentication of /engine-rest (the authenticated user is set on the
 * engine) and reads the webapps' login from the session.
 */
public class ClientEngineApiFilter extends OncePerRequestFilter {

    static final String PORTAL_MESSAGE = "Clients work in the client portal at /portal: sign in there with the same"
            + " e-mail and password. Tasklist, Cockpit and the engine REST API are for our staff.";

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/([^/]+)/login/[^/]+/?$");
    /** Signing out of a session an older version let a client open stays possible. */
    private static final Pattern WEBAPP_LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout/?$");

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
        var login = WEBAPP_LOGIN.matcher(path);
        if (login.matches() && "POST".equals(request.getMethod())) {
            logIn(request, response, chain, login.group(1));
            return;
        }
        if (!WEBAPP_LOGOUT.matcher(path).matches() && isClient(request, path)) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Camunda checks the password first (401, unchanged here), then the application (403), then opens the session. A
     * client who got past the password gets the portal message instead of either of the last two, and any webapp login
     * the request opened for them is taken back. A wrong password says nothing about who is a client.
     */
    private void logIn(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String engine)
            throws ServletException, IOException {
        ContentCachingRequestWrapper form = new ContentCachingRequestWrapper(request);
        HeldResponse answer = new HeldResponse(response);
        chain.doFilter(form, answer);
        int status = answer.getStatus();
        String user = formField(new String(form.getContentAsByteArray(), StandardCharsets.UTF_8), "username");
        if ((status == HttpServletResponse.SC_FORBIDDEN || (status >= 200 && status < 300)) && user != null
                && isClientUser(user)) {
            HttpSession session = request.getSession(false);
            Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (logins != null && logins.removeByEngineName(engine) != null) {
                AuthenticationUtil.updateSession(session, logins);
            }
            answer.resetBuffer();
            refuse(response);
            return;
        }
        answer.release();
    }

    /**
     * Holds the login's answer until it is decided: Camunda answers a refused login with {@code sendError}, which would
     * commit the response to the container's error page before the client's refusal could replace it.
     */
    private static final class HeldResponse extends ContentCachingResponseWrapper {

        private Integer error;

        HeldResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            error = status;
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            sendError(status);
        }

        void release() throws IOException {
            if (error != null && getContentSize() == 0) {
                ((HttpServletResponse) getResponse()).sendError(error);
            } else {
                copyBodyToResponse();
            }
        }
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && name.equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException", "message", PORTAL_MESSAGE,
                "portal", "/portal"));
    }

    private boolean isClientUser(String user) {
        return AsSystem.call(identity, () -> identity.createGroupQuery().groupMember(user)
                .groupId(AccessGroups.CLIENTS).count() > 0);
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

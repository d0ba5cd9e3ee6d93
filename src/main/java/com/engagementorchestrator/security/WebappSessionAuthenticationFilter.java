package com.engagementorchestrator.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the staff: a moderator, freelancer, analyst or admin signed into Tasklist or Cockpit opens /api
 * (the document links in their forms) with that session, without a second password prompt. Runs after HTTP Basic,
 * so explicit credentials win; the engine's groups become the caller's authorities, so /api's rules apply unchanged.
 * Clients are not carried over: they keep signing in to /api themselves. Nothing is stored in the session: each
 * request reads the webapp's login again, so signing out of Tasklist ends it here too.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated()
                || current instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            webappStaff(request).ifPresent(staff -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(staff);
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static Optional<Authentication> webappStaff(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (logins == null) {
            return Optional.empty();
        }
        return logins.getAuthentications().stream()
                .filter(login -> login instanceof UserAuthentication && login.getName() != null)
                .map(UserAuthentication.class::cast)
                .filter(login -> login.getGroupIds() != null && !login.getGroupIds().contains(AccessGroups.CLIENTS))
                .findFirst()
                .map(login -> {
                    List<SimpleGrantedAuthority> groups = login.getGroupIds().stream()
                            .map(g -> new SimpleGrantedAuthority(EngineUserAuthenticationProvider.GROUP_PREFIX + g)).toList();
                    return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null, groups);
                });
    }
}

package com.engagementorchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The engine REST API's HTTP Basic authentication, without checking a password twice. Spring Security's Basic filter
 * runs first on every path and has already checked the header's password against the engine's users
 * ({@link EngineUserAuthenticationProvider}) and loaded the user's groups; the engine's own provider checked it again
 * and loaded the groups again, on every call. Spring's Basic filter saves what it authenticated from the header
 * ({@link MarkingVerifiedUser}, its context repository, called only then): when the user named in this request's
 * header is the one verified so, that is taken; otherwise (no such check happened, e.g. Spring kept an identity from a
 * portal session) the engine checks the header itself, as before. Tenants are still loaded by the engine's filter.
 */
public class VerifiedBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

    /** The request attribute with the user whose Basic password Spring Security checked in this request. */
    static final String VERIFIED_USER = VerifiedBasicAuthenticationProvider.class.getName() + ".verifiedUser";

    private static final BasicAuthenticationConverter BASIC_HEADER = new BasicAuthenticationConverter();

    record VerifiedUser(String userId, List<String> groupIds) {
    }

    /**
     * The context repository of Spring's Basic filter, which calls {@code saveContext} right after it authenticated
     * the request's header and at no other time: marks the request with that user and their groups.
     */
    record MarkingVerifiedUser(SecurityContextRepository delegate) implements SecurityContextRepository {

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            delegate.saveContext(context, request, response);
            Authentication authentication = context.getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                request.setAttribute(VERIFIED_USER,
                        new VerifiedUser(authentication.getName(), CurrentUser.groupIds(authentication)));
            }
        }

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return delegate.loadContext(holder);
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            return delegate.loadDeferredContext(request);
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return delegate.containsContext(request);
        }
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        if (request.getAttribute(VERIFIED_USER) instanceof VerifiedUser verified
                && verified.userId().equals(basicUserName(request))) {
            AuthenticationResult result = AuthenticationResult.successful(verified.userId());
            result.setGroups(verified.groupIds());
            return result;
        }
        return super.extractAuthenticatedUser(request, engine);
    }

    /**
     * The user name of this request's Basic header, decoded by the converter Spring's Basic filter uses, or null. Only
     * the exact scheme Camunda's own provider accepts ({@code "Basic "}) counts.
     */
    static String basicUserName(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
            return null;
        }
        try {
            UsernamePasswordAuthenticationToken credentials = BASIC_HEADER.convert(request);
            return credentials == null ? null : credentials.getName();
        } catch (AuthenticationException malformed) {
            return null;
        }
    }
}

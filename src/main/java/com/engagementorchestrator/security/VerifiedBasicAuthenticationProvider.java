package com.engagementorchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * The engine REST API's HTTP Basic authentication, without checking a password twice. Spring Security's Basic filter
 * runs first on every path and has already checked the header's password against the engine's users
 * ({@link EngineUserAuthenticationProvider}) and loaded the user's groups; the engine's own provider checked it again
 * and loaded the groups again, on every call. When the user named in this request's header is the one verified in
 * this request, that is taken; otherwise (no such check happened, e.g. Spring kept an identity from a portal session)
 * the engine checks the header itself, as before. Tenants are still loaded by the engine's filter.
 */
public class VerifiedBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        if (request.getAttribute(EngineUserAuthenticationProvider.VERIFIED_USER)
                instanceof EngineUserAuthenticationProvider.VerifiedUser verified
                && verified.userId().equals(basicUserName(request))) {
            AuthenticationResult result = AuthenticationResult.successful(verified.userId());
            result.setGroups(verified.groupIds());
            return result;
        }
        return super.extractAuthenticatedUser(request, engine);
    }

    /** The user name of a Basic header, or null. */
    static String basicUserName(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

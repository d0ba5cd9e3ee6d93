package com.engagementorchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** /api authenticates against the engine's users, so one account works in Tasklist and in the API. */
@Component
public class EngineUserAuthenticationProvider implements org.springframework.security.authentication.AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";

    /**
     * The request attribute naming the user whose password this provider checked during the request, with their
     * groups: the engine REST API's authentication takes it instead of checking the same Basic header a second time
     * ({@link VerifiedBasicAuthenticationProvider}).
     */
    static final String VERIFIED_USER = EngineUserAuthenticationProvider.class.getName() + ".verifiedUser";

    record VerifiedUser(String userId, List<String> groupIds) {
    }

    private final IdentityService identity;

    public EngineUserAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Wrong user or password");
        }
        List<String> groupIds = identity.createGroupQuery().groupMember(user).unlimitedList().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.setAttribute(VERIFIED_USER, new VerifiedUser(user, groupIds), RequestAttributes.SCOPE_REQUEST);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                groupIds.stream().map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

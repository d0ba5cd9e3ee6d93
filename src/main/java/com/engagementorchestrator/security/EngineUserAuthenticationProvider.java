package com.engagementorchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** /api authenticates against the engine's users, so one account works in Tasklist and in the API. */
@Component
public class EngineUserAuthenticationProvider implements org.springframework.security.authentication.AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";

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
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).unlimitedList().stream()
                .map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g.getId())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

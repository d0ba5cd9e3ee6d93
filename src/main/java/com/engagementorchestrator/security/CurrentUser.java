package com.engagementorchestrator.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What the authenticated caller of /api may see. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static boolean isStaff(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS)
                        || a.getAuthority().equals(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS));
    }

    public static boolean isClient(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.CLIENTS));
    }

    /** The engine groups the caller belongs to (their authorities with {@code GROUP_}), as the engine names them. */
    public static List<String> groupIds(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(EngineUserAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(EngineUserAuthenticationProvider.GROUP_PREFIX.length())).toList();
    }
}

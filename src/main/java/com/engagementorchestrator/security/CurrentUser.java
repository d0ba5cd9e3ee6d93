package com.engagementorchestrator.security;

import org.springframework.security.core.Authentication;

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
}

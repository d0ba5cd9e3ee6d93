package com.engagementorchestrator.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls without the caller's authentication, then restores it: for looking up what a check needs (the task,
 * its engagement) before the engine applies the caller's own authorizations to the action itself.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static <T> T call(IdentityService identity, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}

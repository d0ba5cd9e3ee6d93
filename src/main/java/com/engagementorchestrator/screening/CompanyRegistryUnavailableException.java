package com.engagementorchestrator.screening;

/** The registry did not answer (down, timing out, refusing us) or cannot answer for this company at all. */
public class CompanyRegistryUnavailableException extends RuntimeException {

    private final boolean permanent;

    public CompanyRegistryUnavailableException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Retrying will not help (no registry configured for the country, no registration number). */
    public boolean isPermanent() {
        return permanent;
    }
}

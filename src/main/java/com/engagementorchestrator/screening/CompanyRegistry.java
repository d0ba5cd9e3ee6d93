package com.engagementorchestrator.screening;

/** The port to a company registry (marker M5): legal state and court cases of a company. */
public interface CompanyRegistry {

    /** Whether a registry is configured that knows companies of this country. */
    boolean covers(String country);

    /** @throws CompanyRegistryUnavailableException when the registry cannot answer now */
    CompanyFacts lookUp(String country, String registrationNumber);
}

package com.engagementorchestrator.screening;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** engagement.company-registry.*: where the registry is, the API token, and which countries it covers. */
@ConfigurationProperties("engagement.company-registry")
public record CompanyRegistryProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String token,
        @DefaultValue("RU") Set<String> countries,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}

package com.engagementorchestrator.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-source (client address) limits, engagement.rate-limits.* in application.yaml. Each limit is a token bucket of
 * {@code capacity} tokens, refilled in full once every {@code period} (so: at most capacity per period; Retry-After is
 * the time to the next refill). The buckets live in this node's memory: two nodes each
 * limit separately, and a restart forgets them.
 *
 * @param authentication failed log-ins (a 401 to a request carrying a password), over every surface that checks one
 * @param publicEndpoints requests to the endpoints open without a log-in (registration, reference data, the form)
 * @param registrations registrations accepted (201) from one address
 * @param addresses how many addresses are remembered; the least recently seen are forgotten first
 * @param exemptAddresses addresses never limited (as {@code getRemoteAddr()} reports them), e.g. a monitoring probe
 */
@ConfigurationProperties("engagement.rate-limits")
public record RateLimitProperties(Limit authentication, Limit publicEndpoints, Limit registrations, long addresses,
                                  List<String> exemptAddresses) {

    public RateLimitProperties {
        authentication = authentication == null ? new Limit(20, Duration.ofMinutes(5)) : authentication;
        publicEndpoints = publicEndpoints == null ? new Limit(120, Duration.ofMinutes(1)) : publicEndpoints;
        registrations = registrations == null ? new Limit(10, Duration.ofHours(1)) : registrations;
        addresses = addresses <= 0 ? 100_000 : addresses;
        exemptAddresses = exemptAddresses == null ? List.of() : List.copyOf(exemptAddresses);
    }

    public record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity <= 0 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period, got "
                        + capacity + " per " + period);
            }
        }
    }
}

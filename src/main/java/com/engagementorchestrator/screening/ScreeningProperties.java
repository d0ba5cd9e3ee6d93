package com.engagementorchestrator.screening;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * engagement.screening.*: the exchange rates at which a budget is compared with our minimum (the minimum itself is a
 * rule in screening-rules.dmn, in roubles), and the e-mail domains that identify nobody (public mail services).
 */
@ConfigurationProperties("engagement.screening")
public record ScreeningProperties(Map<String, BigDecimal> ratesToRub, Set<String> publicMailDomains) {

    public ScreeningProperties {
        ratesToRub = ratesToRub == null ? Map.of() : Map.copyOf(ratesToRub);
        publicMailDomains = publicMailDomains == null ? Set.of() : Set.copyOf(publicMailDomains);
    }

    /** Currencies the intake accepts: those we can compare with our minimum. */
    public Set<String> currencies() {
        return new java.util.TreeSet<>(ratesToRub.keySet());
    }

    public BigDecimal toRub(BigDecimal amount, String currency) {
        BigDecimal rate = currency == null ? null : ratesToRub.get(currency.toUpperCase(Locale.ROOT));
        return amount == null || rate == null ? null : amount.multiply(rate);
    }

    /** Public mail services and reserved example domains (RFC 2606) are shared by strangers: no link by them. */
    public boolean identifies(String emailDomain) {
        return emailDomain != null && !publicMailDomains.contains(emailDomain) && !Reserved.isReserved(emailDomain);
    }

    public static boolean identifiesWebsite(String host) {
        return host != null && host.contains(".") && !Reserved.isReserved(host);
    }

    private static final class Reserved {
        static boolean isReserved(String host) {
            return host.equals("example.com") || host.equals("example.net") || host.equals("example.org")
                    || host.endsWith(".example.com") || host.endsWith(".example.net") || host.endsWith(".example.org")
                    || host.endsWith(".example") || host.endsWith(".test") || host.endsWith(".invalid")
                    || host.endsWith(".localhost") || host.equals("localhost");
        }
    }
}

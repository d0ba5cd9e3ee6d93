package com.engagementorchestrator.security;

import com.engagementorchestrator.common.ApiErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-source rate limits (Bucket4j token buckets per client address), in front of every filter that checks a password
 * or serves an open endpoint, so a stranger cannot guess passwords or flood registration at full speed:
 * <ul>
 * <li>authentication: every request carrying a password (HTTP Basic on /api and /engine-rest, the webapps' login
 * form, the portal's sign-in) takes a token, given back unless it was refused with 401; so only failed log-ins count, across all surfaces;</li>
 * <li>public endpoints: every request to registration, reference data, the registration page and the portal's
 * password reset takes a token;</li>
 * <li>registrations: every registration takes a token, given back unless it was accepted (2xx), so typos cost none.</li>
 * </ul>
 * An empty bucket answers 429 with Retry-After and a JSON message, before any password is checked: the account's own
 * delay in the engine is not touched by refused requests. The address is the connection's
 * ({@link HttpServletRequest#getRemoteAddr()}); behind a reverse proxy set {@code server.forward-headers-strategy} so
 * that it is the client's, not the proxy's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String PORTAL_LOGIN = "/api/portal/session";
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

    private final Limiter authentication;
    private final Limiter publicEndpoints;
    private final Limiter registrations;
    private final ObjectMapper json;
    private final Set<String> exempt;

    public RateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        this.json = json;
        this.exempt = Set.copyOf(properties.exemptAddresses());
        this.authentication = new Limiter("authentication", properties.authentication(), properties.addresses(),
                "Too many failed log-ins from your address");
        this.publicEndpoints = new Limiter("public", properties.publicEndpoints(), properties.addresses(),
                "Too many requests from your address");
        this.registrations = new Limiter("registrations", properties.registrations(), properties.addresses(),
                "Too many registrations from your address");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return exempt.contains(request.getRemoteAddr());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        String source = source(request.getRemoteAddr());
        List<Taken> taken = new ArrayList<>(2);
        if (carriesPassword(request, method, path)
                && !take(authentication, source, status -> status != HttpServletResponse.SC_UNAUTHORIZED, taken, response)) {
            return;
        }
        if (isPublic(method, path) && !take(publicEndpoints, source, status -> false, taken, response)) {
            return;
        }
        if ("POST".equals(method) && "/api/registrations".equals(path)
                && !take(registrations, source, status -> status < 200 || status >= 300, taken, response)) {
            return;
        }
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            int status = response.getStatus();
            for (Taken t : taken) {
                // A request that failed on the server is not the caller's attempt.
                if (!completed || t.giveBackIf().test(status)) {
                    t.bucket().addTokens(1);
                }
            }
        }
    }

    /**
     * The key of the caller's buckets: the IPv4 address, or the /64 network of an IPv6 address (one subscriber usually
     * gets a whole /64, so counting single IPv6 addresses would give an attacker endless fresh buckets).
     */
    static String source(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            byte[] address = InetAddress.getByName(remoteAddress).getAddress(); // a literal: no name lookup
            if (address.length != 16) {
                return remoteAddress;
            }
            return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(address, 8), 16)).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }

    private static boolean carriesPassword(HttpServletRequest request, String method, String path) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return (authorization != null && !authorization.isBlank())
                || ("POST".equals(method) && (WEBAPP_LOGIN.matcher(path).matches() || PORTAL_LOGIN.equals(path)));
    }

    private static boolean isPublic(String method, String path) {
        return ("POST".equals(method) && ("/api/registrations".equals(path) || path.startsWith("/api/portal/password-reset")))
                || ("GET".equals(method) && (path.startsWith("/api/reference/") || "/register".equals(path)
                || "/register.html".equals(path)));
    }

    private boolean take(Limiter limiter, String source, IntPredicate giveBackIf, List<Taken> taken,
                         HttpServletResponse response) throws IOException {
        Bucket bucket = limiter.bucketOf(source);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            if (probe.getRemainingTokens() == 0) {
                log.info("Rate limit '{}' reached for {}: further requests are answered 429 for a while", limiter.name(), source);
            }
            taken.add(new Taken(bucket, giveBackIf));
            return true;
        }
        taken.forEach(t -> t.bucket().addTokens(1));
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ApiErrorHandler.ApiError(429, "Too Many Requests",
                limiter.message() + "; try again in " + retryAfter + " seconds.", List.of()));
        return false;
    }

    private record Taken(Bucket bucket, IntPredicate giveBackIf) {
    }

    /** The buckets of one limit, one per address; an address unseen for a whole period has a full bucket anyway. */
    private record Limiter(String name, RateLimitProperties.Limit limit, Cache<String, Bucket> buckets, String message) {

        Limiter(String name, RateLimitProperties.Limit limit, long addresses, String message) {
            this(name, limit, Caffeine.newBuilder().maximumSize(addresses).expireAfterAccess(limit.period()).build(), message);
        }

        Bucket bucketOf(String source) {
            return buckets.get(source, s -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period()).build())
                    .build());
        }
    }
}

package com.engagementorchestrator.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the current HTTP request comes from (IP address and user agent), for code that runs inside the engine while
 * the request is served, such as a task listener recording a signature. Outside a request: the engine itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestOrigin extends OncePerRequestFilter {

    /** The caller's address and browser. */
    public record Origin(String ipAddress, String userAgent) {
    }

    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();
    private static final Origin ENGINE = new Origin("engine", null);

    public static Origin current() {
        Origin origin = CURRENT.get();
        return origin == null ? ENGINE : origin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CURRENT.set(new Origin(request.getRemoteAddr(), request.getHeader("User-Agent")));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}

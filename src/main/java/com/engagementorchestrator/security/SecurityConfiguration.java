package com.engagementorchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Secure by default. Camunda's webapps (/camunda) and REST API (/engine-rest) authenticate with their own filters
 * against the engine's users; /api uses Spring Security with HTTP Basic (and the session it creates) against the same
 * users. Only registration, reference data and the public pages are open.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain api(HttpSecurity http, EngineUserAuthenticationProvider users) throws Exception {
        http.authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/registrations").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reference/**").permitAll()
                        // The payment provider signs its calls (HMAC), it has no user.
                        .requestMatchers(HttpMethod.POST, "/api/payments/webhook").permitAll()
                        .requestMatchers("/api/payments/**").hasAnyAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        // Camunda's own authentication filters guard these.
                        .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                        .requestMatchers("/", "/index.html", "/register", "/register.html", "/assets/**", "/error",
                                "/favicon.ico").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("Engagement Orchestrator"))
                // Camunda's webapps bring their own CSRF protection; Basic-authenticated API calls cannot be forged
                // by a browser, session-authenticated ones can, so only those need a token.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWritesToApi()));
        return http.build();
    }

    private static RequestMatcher sessionWritesToApi() {
        return (HttpServletRequest request) -> request.getRequestURI().startsWith("/api/")
                && !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && !request.getRequestURI().equals("/api/registrations")
                && !request.getRequestURI().equals("/api/payments/webhook");
    }

    /** The engine REST API answers 401 without valid Basic credentials of an engine user. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        return registration;
    }
}

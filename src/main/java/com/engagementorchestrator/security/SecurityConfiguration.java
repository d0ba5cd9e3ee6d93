package com.engagementorchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Secure by default. Camunda's webapps (/camunda) and REST API (/engine-rest) authenticate with their own filters
 * against the engine's users; /api uses Spring Security with HTTP Basic (and the session it creates) against the same
 * users; staff signed into the webapps use that session for /api as well. Only registration, reference data and the public pages are open.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    static final String REALM = "Engagement Orchestrator";

    /** After the engine REST API's authentication (LOWEST_PRECEDENCE - 10), before the block guard (- 8). */
    static final int CLIENT_ENGINE_API_ORDER = Ordered.LOWEST_PRECEDENCE - 9;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain api(HttpSecurity http, EngineUserAuthenticationProvider users) throws Exception {
        AuthenticationEntryPoint logIn = challengeOnlyWhereNoScriptAsks();
        http.authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/registrations").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reference/**").permitAll()
                        // The API's description is public (apidocs/ApiDocumentation): what it offers, no one's data.
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**").permitAll()
                        // The client portal's sign-in and sign-out, and the password reset by e-mail.
                        .requestMatchers("/api/portal/session", "/api/portal/password-reset/**").permitAll()
                        .requestMatchers("/api/portal/**").hasAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.CLIENTS)
                        // The payment provider signs its calls (HMAC), it has no user.
                        .requestMatchers(HttpMethod.POST, "/api/payments/webhook").permitAll()
                        .requestMatchers("/api/payments/**").hasAnyAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        // The moderators' queue (queue/ModerationQueueController): the candidate group's tasks.
                        .requestMatchers("/api/queues/moderation/**").hasAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS)
                        .requestMatchers("/api/stats", "/api/stats/**", "/stats", "/stats.html").hasAnyAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        // The audit of rule changes (audit/RuleChangesController): who deployed which model version.
                        .requestMatchers("/api/rules/**", "/rule-changes", "/rule-changes.html")
                        .hasAnyAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ANALYSTS,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        // Moving running instances to another model version (migration/MigrationController).
                        .requestMatchers("/api/migrations", "/api/migrations/**", "/migration", "/migration.html").hasAnyAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ANALYSTS,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        // Prometheus scrapes with a user of its own (ScrapeUser) that may read nothing else.
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MONITORING,
                                EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        .requestMatchers("/actuator/**").hasAuthority(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.ADMINS)
                        // Camunda's own authentication filters guard these.
                        .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                        .requestMatchers("/", "/index.html", "/register", "/register.html", "/assets/**", "/error",
                                "/favicon.ico", "/portal", "/portal/", "/portal/**").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(logIn)
                        // The Basic filter's own default (the request only, no session), and it marks the request with
                        // the user it verified, so the engine REST API does not check the same password again.
                        .securityContextRepository(new VerifiedBasicAuthenticationProvider.MarkingVerifiedUser(
                                new RequestAttributeSecurityContextRepository())))
                // A 401 that carries a Basic challenge makes a browser open its own log-in prompt, also for a page's
                // script. That prompt is modal and, in a headless browser, invisible: the tab takes no keys or clicks
                // until it is answered. Camunda's login pages ask GET /camunda-welcome (a page that only Camunda Run
                // has), which lands here; so Tasklist and Cockpit took no input at all. A script gets a plain 401.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(logIn))
                // Staff signed into Tasklist or Cockpit open /api (their forms' document links) with that session.
                .addFilterAfter(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                // Camunda's webapps bring their own CSRF protection; Basic-authenticated API calls cannot be forged
                // by a browser, session-authenticated ones can, so only those need a token.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWritesToApi()))
                // Our pages load only their own scripts and styles; Camunda's webapps send their own policy.
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/"),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The Basic challenge for a person or a program asking directly (a navigation, curl, an API client); a plain 401
     * for a page's script, which a browser marks with {@code Sec-Fetch-Mode} other than {@code navigate} (fetch, XHR)
     * and older scripts with {@code X-Requested-With}.
     */
    static AuthenticationEntryPoint challengeOnlyWhereNoScriptAsks() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(REALM);
        challenge.afterPropertiesSet();
        RequestMatcher askedByScript = request -> {
            String mode = request.getHeader("Sec-Fetch-Mode");
            return (mode != null && !mode.equals("navigate"))
                    || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        };
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(
                new LinkedHashMap<>(Map.of(askedByScript, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))));
        entryPoint.setDefaultEntryPoint(challenge);
        return entryPoint;
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
                VerifiedBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** After the authentication of /engine-rest: processes the application starts itself are not started by hand. */
    @Bean
    FilterRegistrationBean<InternalProcessStartFilter> internalProcessStart(org.camunda.bpm.engine.RepositoryService repository,
                                                                             ObjectMapper json) {
        FilterRegistrationBean<InternalProcessStartFilter> registration =
                new FilterRegistrationBean<>(new InternalProcessStartFilter(repository, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("internal-process-start");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /**
     * Right after the authentication of /engine-rest and before anything else looks at the request (the block guard,
     * the engine): clients are sent to the portal, on the engine REST API and in the webapps.
     */
    @Bean
    FilterRegistrationBean<ClientEngineApiFilter> clientEngineApi(IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<ClientEngineApiFilter> registration =
                new FilterRegistrationBean<>(new ClientEngineApiFilter(identity, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("client-engine-api");
        registration.setOrder(CLIENT_ENGINE_API_ORDER);
        return registration;
    }
}

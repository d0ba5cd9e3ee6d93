package com.engagementorchestrator.portal;

import com.engagementorchestrator.client.Clients;
import com.engagementorchestrator.security.CurrentUser;
import com.engagementorchestrator.security.EngineUserAuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's sign-in: a session for an engine user of group {@code clients} (staff keep working in Tasklist). The
 * session carries Spring Security's context, so every /api endpoint (files, previews, the evidence bundle) works with
 * it; writes need the CSRF token this hands out.
 */
@RestController
class PortalSessionController {

    record SignIn(String email, String password) {
    }

    record SessionView(PortalUser user, Map<String, String> csrf) {
    }

    record PortalUser(String email, String fullName, String locale) {
    }

    private final EngineUserAuthenticationProvider users;
    private final Clients clients;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PortalSessionController(EngineUserAuthenticationProvider users, Clients clients) {
        this.users = users;
        this.clients = clients;
    }

    @GetMapping("/api/portal/session")
    @Transactional(readOnly = true)
    SessionView session(Authentication caller, CsrfToken csrf) {
        return new SessionView(caller == null || caller instanceof AnonymousAuthenticationToken || !CurrentUser.isClient(caller)
                ? null : user(caller.getName()), csrf(csrf));
    }

    /** No surrounding read-only transaction: a wrong password is recorded by the engine (its login delay). */
    @PostMapping("/api/portal/session")
    ResponseEntity<?> signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response,
                             CsrfToken csrf) {
        Authentication authenticated;
        try {
            String email = body.email() == null ? "" : body.email().trim();
            authenticated = users.authenticate(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                            email, body.password() == null ? "" : body.password()));
        } catch (BadCredentialsException wrong) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401,
                    "message", "Wrong e-mail or password"));
        }
        if (!CurrentUser.isClient(authenticated)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403,
                    "message", "The portal is for clients; staff work in Tasklist at /camunda/app/tasklist/"));
        }
        // A new session id on sign-in: a session id planted before cannot ride on the client's login.
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok(new SessionView(user(authenticated.getName()), csrf(csrf)));
    }

    @DeleteMapping("/api/portal/session")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    private PortalUser user(String userId) {
        return clients.findByUserId(userId).map(c -> new PortalUser(c.getEmail(), c.getFullName(), c.getLocale()))
                .orElse(new PortalUser(userId, userId, "en"));
    }

    private static Map<String, String> csrf(CsrfToken token) {
        return token == null ? null : Map.of("header", token.getHeaderName(), "token", token.getToken());
    }
}

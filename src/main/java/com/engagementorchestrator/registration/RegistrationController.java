package com.engagementorchestrator.registration;

import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.UserErrors;
import com.engagementorchestrator.engagement.Engagement;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    record Registered(String engagementNumber, String status, String phase) {
    }

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /**
     * Registrations of one e-mail address are serialised by the database, on every node alike: the client row's unique
     * e-mail makes the second wait for the first and be refused (409) once it committed ({@link RegistrationService}).
     */
    @PostMapping("/api/registrations")
    ResponseEntity<Registered> register(@RequestBody RegistrationRequest request) {
        String email = request.email() == null ? "" : request.email().trim().toLowerCase(Locale.ROOT);
        try {
            return created(registrations.register(request));
        } catch (RuntimeException e) {
            // Anything else the race may hit (the engine's user table, whose error is the engine's own exception):
            // the whole registration was rolled back, and the address is taken by the one that committed.
            if (UserErrors.refusal(e).isEmpty() && !email.isEmpty() && registrations.isRegistered(email)) {
                throw new ConflictException("The e-mail address " + email + " is already registered");
            }
            throw e;
        }
    }

    @PostMapping("/api/engagements")
    ResponseEntity<Registered> startEngagement(@RequestBody ProjectDetails project, Authentication caller) {
        return created(registrations.startEngagement(caller.getName(), project));
    }

    private static ResponseEntity<Registered> created(Engagement engagement) {
        return ResponseEntity.created(URI.create("/api/engagements/" + engagement.getNumber()))
                .body(new Registered(engagement.getNumber(), engagement.getStatus().name(), engagement.getPhase().name()));
    }
}

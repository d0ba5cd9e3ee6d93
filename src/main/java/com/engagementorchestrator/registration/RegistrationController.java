package com.engagementorchestrator.registration;

import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.engagement.Engagement;
import java.net.URI;
import org.springframework.dao.DataIntegrityViolationException;
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

    @PostMapping("/api/registrations")
    ResponseEntity<Registered> register(@RequestBody RegistrationRequest request) {
        try {
            return created(registrations.register(request));
        } catch (DataIntegrityViolationException e) {
            // Two registrations with one e-mail raced past the check; the database kept only one.
            if (request.email() != null && registrations.isRegistered(request.email())) {
                throw new ConflictException("The e-mail address is already registered");
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

package com.engagementorchestrator.registration;

import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.UserErrors;
import com.engagementorchestrator.engagement.Engagement;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
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
     * Registrations of one e-mail address on this node run one after the other (striped by address), so the second
     * finds the first committed (409) without holding a database connection while it waits. Across nodes the database
     * serialises them: the client row's unique e-mail ({@link RegistrationService}).
     */
    private final Lock[] registrationLocks = Stream.generate(ReentrantLock::new).limit(64).toArray(Lock[]::new);

    @PostMapping("/api/registrations")
    ResponseEntity<Registered> register(@RequestBody RegistrationRequest request) {
        String email = request.email() == null ? "" : request.email().trim().toLowerCase(Locale.ROOT);
        Lock lock = registrationLocks[Math.floorMod(email.hashCode(), registrationLocks.length)];
        lock.lock();
        try {
            return created(registrations.register(request));
        } catch (RuntimeException e) {
            // Anything else a race across nodes may still hit (e.g. the engine's user table, whose error is the
            // engine's own exception): the whole registration was rolled back, the address is taken by the other.
            if (UserErrors.refusal(e).isEmpty() && !email.isEmpty() && registrations.isRegistered(email)) {
                throw new ConflictException("The e-mail address " + email + " is already registered");
            }
            throw e;
        } finally {
            lock.unlock();
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

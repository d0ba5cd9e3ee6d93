package com.engagementorchestrator.portal;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Open endpoints (rate limited per address like registration): ask for a reset link, set a new password with it. */
@RestController
class PasswordResetController {

    record ResetRequest(String email) {
    }

    record NewPassword(String token, String password) {
    }

    static final String SENT = "If an account exists for this address, we have sent a link to reset its password.";

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    /** The same answer for any address: whether an account exists is not told to strangers. */
    @PostMapping("/api/portal/password-reset")
    ResponseEntity<Map<String, String>> request(@RequestBody ResetRequest body) {
        resets.request(body.email());
        return ResponseEntity.accepted().body(Map.of("message", SENT));
    }

    @PostMapping("/api/portal/password-reset/confirm")
    ResponseEntity<Map<String, String>> confirm(@RequestBody NewPassword body) {
        resets.confirm(body.token(), body.password());
        return ResponseEntity.ok(Map.of("message", "Your new password is set; sign in with it."));
    }
}

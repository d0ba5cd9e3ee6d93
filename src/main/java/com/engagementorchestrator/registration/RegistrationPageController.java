package com.engagementorchestrator.registration;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public registration page lives at /register; the static page does the rest. */
@Controller
class RegistrationPageController {

    @GetMapping("/register")
    String registrationPage() {
        return "forward:/register.html";
    }
}

package com.engagementorchestrator.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The client portal's one page; its script shows sign-in, engagements and tasks. */
@Controller
class PortalPageController {

    @GetMapping({"/portal", "/portal/"})
    String portal() {
        return "forward:/portal/index.html";
    }
}

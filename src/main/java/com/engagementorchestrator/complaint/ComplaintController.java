package com.engagementorchestrator.complaint;

import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.security.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The client raises a complaint on a running engagement; the client and moderators follow it. */
@RestController
class ComplaintController {

    record ComplaintRequest(String text) {
    }

    private final ComplaintService complaints;
    private final EngagementLifecycle lifecycle;

    ComplaintController(ComplaintService complaints, EngagementLifecycle lifecycle) {
        this.complaints = complaints;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/engagements/{number}/complaints")
    @Transactional
    ResponseEntity<Complaint> raise(@PathVariable String number, @RequestBody ComplaintRequest request, Authentication caller) {
        Engagement e = visible(number, caller);
        if (!e.isOwnedBy(caller.getName())) {
            throw new AccessDeniedException("Only the engagement's client raises a complaint");
        }
        Complaint complaint = complaints.raise(e.getId(), caller.getName(), request.text());
        return ResponseEntity.created(URI.create("/api/engagements/" + number + "/complaints")).body(complaint);
    }

    @GetMapping("/api/engagements/{number}/complaints")
    @Transactional(readOnly = true)
    List<Complaint> list(@PathVariable String number, Authentication caller) {
        return complaints.of(visible(number, caller).getId());
    }

    private Engagement visible(String number, Authentication caller) {
        return lifecycle.findByNumber(number).filter(e -> CurrentUser.isStaff(caller) || e.isOwnedBy(caller.getName()))
                .orElseThrow(() -> new NotFoundException("No engagement " + number));
    }
}

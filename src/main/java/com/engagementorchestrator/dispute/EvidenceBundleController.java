package com.engagementorchestrator.dispute;

import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The dispute evidence bundle of an engagement, at any time: moderators and the engagement's client. */
@RestController
class EvidenceBundleController {

    private final EngagementLifecycle lifecycle;
    private final EvidenceBundle bundle;

    EvidenceBundleController(EngagementLifecycle lifecycle, EvidenceBundle bundle) {
        this.lifecycle = lifecycle;
        this.bundle = bundle;
    }

    @GetMapping("/api/engagements/{number}/evidence")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    ResponseEntity<byte[]> evidence(@PathVariable String number, Authentication caller) {
        var engagement = lifecycle.findByNumber(number)
                .filter(e -> CurrentUser.isStaff(caller) || e.isOwnedBy(caller.getName()))
                .orElseThrow(() -> new NotFoundException("No engagement " + number));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(number + "-evidence.zip").build().toString())
                .body(bundle.zip(engagement));
    }
}

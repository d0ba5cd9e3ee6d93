package com.engagementorchestrator.overview;

import com.engagementorchestrator.authority.AuthorityDocument;
import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.Engagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Signing-authority documents: only the owning client and moderators can read them. */
@RestController
class AuthorityDocumentController {

    private final VisibleEngagements visible;
    private final AuthorityService authority;

    AuthorityDocumentController(VisibleEngagements visible, AuthorityService authority) {
        this.visible = visible;
        this.authority = authority;
    }

    @GetMapping("/api/engagements/{number}/authority-documents/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable Long id, Authentication caller) {
        Engagement e = visible.get(number, caller);
        AuthorityDocument document = authority.documents(e.getId()).stream().filter(d -> d.getId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No document " + id + " in engagement " + number));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.getFileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.getContent());
    }
}

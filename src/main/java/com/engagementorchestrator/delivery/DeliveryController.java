package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.security.AccessGroups;
import com.engagementorchestrator.security.CurrentUser;
import com.engagementorchestrator.security.EngineUserAuthenticationProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Work results over HTTP. Our side uploads; the engagement's client sees previews, and the originals only once the
 * final invoice is paid; nobody else sees anything.
 */
@RestController
class DeliveryController {

    record DeliverableView(Long id, String title, int version, String status, String previewKind, String fileName, long sizeBytes,
                           Instant uploadedAt, String preview, String original, boolean released) {
    }

    record InvoiceView(String number, BigDecimal amount, String currency, Instant dueAt, String status) {
    }

    private final DeliveryService deliveries;
    private final DepositService payments;
    private final EngagementLifecycle lifecycle;

    DeliveryController(DeliveryService deliveries, DepositService payments, EngagementLifecycle lifecycle) {
        this.deliveries = deliveries;
        this.payments = payments;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/engagements/{number}/deliveries")
    @Transactional
    ResponseEntity<DeliverableView> upload(@PathVariable String number, @RequestParam(value = "title", required = false) String title,
                                           @RequestParam("file") MultipartFile file,
                                           @RequestParam(value = "replaces", required = false) Long replaces,
                                           Authentication caller) throws IOException {
        if (!ourSide(caller)) {
            throw new AccessDeniedException("Only the freelancer or a moderator uploads work results");
        }
        Engagement e = engagement(number, caller);
        Deliverable d = deliveries.upload(e.getId(), title, file.getOriginalFilename(), file.getBytes(), caller.getName(), replaces);
        return ResponseEntity.created(URI.create("/api/engagements/" + number + "/deliveries/" + d.getId()))
                .body(view(e, d, deliveries.originalsReleased(e.getId())));
    }

    @GetMapping("/api/engagements/{number}/deliveries")
    @Transactional(readOnly = true)
    List<DeliverableView> list(@PathVariable String number, Authentication caller) {
        Engagement e = engagement(number, caller);
        boolean released = deliveries.originalsReleased(e.getId());
        return deliveries.of(e.getId()).stream().map(d -> view(e, d, released)).toList();
    }

    @GetMapping("/api/engagements/{number}/deliveries/{id}/preview")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> preview(@PathVariable String number, @PathVariable Long id, Authentication caller) {
        Engagement e = engagement(number, caller);
        Deliverable d = deliveries.get(e.getId(), id);
        if (d.getPreview() == null) {
            throw new NotFoundException("Result " + id + " has no preview: this kind of file is released only after full payment");
        }
        return file(d.getPreview());
    }

    @GetMapping("/api/engagements/{number}/deliveries/{id}/original")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> original(@PathVariable String number, @PathVariable Long id, Authentication caller) {
        Engagement e = engagement(number, caller);
        Deliverable d = deliveries.get(e.getId(), id);
        if (!ourSide(caller) && !deliveries.originalsReleased(e.getId())) {
            throw new AccessDeniedException("The full version is released after the final invoice is paid in full");
        }
        return file(d.getOriginal());
    }

    /**
     * Our side declares the work delivered; the process sends the final invoice in a job of its own after this request
     * commits (an async continuation: a failure there is an incident, not this caller's error). Answered with the
     * invoice if it is out already (201), else 202: the invoice follows.
     */
    @PostMapping("/api/engagements/{number}/work-delivered")
    ResponseEntity<InvoiceView> workDelivered(@PathVariable String number, Authentication caller) {
        if (!ourSide(caller)) {
            throw new AccessDeniedException("Only the freelancer or a moderator declares the work delivered");
        }
        Engagement e = engagement(number, caller);
        deliveries.declareDelivered(e.getId(), caller.getName()); // its own transaction, committed here
        return payments.finalInvoice(e.getId())
                .map(i -> ResponseEntity.status(201).body(new InvoiceView(i.getNumber(), i.getAmount(), i.getCurrency(),
                        i.getDueAt(), i.getStatus().name())))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    private Engagement engagement(String number, Authentication caller) {
        return lifecycle.findByNumber(number).filter(e -> ourSide(caller) || e.isOwnedBy(caller.getName()))
                .orElseThrow(() -> new NotFoundException("No engagement " + number));
    }

    private static boolean ourSide(Authentication caller) {
        return CurrentUser.isStaff(caller) || caller.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.FREELANCERS));
    }

    private static DeliverableView view(Engagement e, Deliverable d, boolean released) {
        String base = "/api/engagements/" + e.getNumber() + "/deliveries/" + d.getId();
        return new DeliverableView(d.getId(), d.getTitle(), d.getVersion(), d.getStatus().name(), d.getPreviewKind().name(),
                d.getOriginal().getFileName(),
                d.getOriginal().getSizeBytes(), d.getUploadedAt(), d.getPreview() == null ? null : base + "/preview",
                base + "/original", released);
    }

    private static ResponseEntity<byte[]> file(StoredFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadedFiles.attachment(file.getFileName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(file.getContent());
    }
}

package com.engagementorchestrator.overview;

import com.engagementorchestrator.authority.AuthorityDocument;
import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.PaymentOrder;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.materials.MaterialsService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Files a client uploaded into an engagement: only the owning client and moderators can read them. */
@RestController
class EngagementFilesController {

    private final VisibleEngagements visible;
    private final AuthorityService authority;
    private final DepositService deposits;
    private final MaterialsService materials;

    EngagementFilesController(VisibleEngagements visible, AuthorityService authority, DepositService deposits,
                              MaterialsService materials) {
        this.visible = visible;
        this.authority = authority;
        this.deposits = deposits;
        this.materials = materials;
    }

    @GetMapping("/api/engagements/{number}/authority-documents/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> authorityDocument(@PathVariable String number, @PathVariable Long id, Authentication caller) {
        Engagement e = visible.get(number, caller);
        AuthorityDocument document = authority.documents(e.getId()).stream().filter(d -> d.getId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No document " + id + " in engagement " + number));
        return file(document.getFile());
    }

    @GetMapping("/api/engagements/{number}/payment-orders/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> paymentOrder(@PathVariable String number, @PathVariable Long id, Authentication caller) {
        Engagement e = visible.get(number, caller);
        PaymentOrder order = deposits.invoices(e.getId()).stream().flatMap(i -> deposits.paymentOrders(i).stream())
                .filter(o -> o.getId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No payment order " + id + " in engagement " + number));
        return file(order.getFile());
    }

    @GetMapping("/api/engagements/{number}/materials/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> material(@PathVariable String number, @PathVariable Long id, Authentication caller) {
        Engagement e = visible.get(number, caller);
        var submission = materials.submission(e.getId(), id).filter(s -> s.getFile() != null)
                .orElseThrow(() -> new NotFoundException("No material file " + id + " in engagement " + number));
        return file(submission.getFile());
    }

    static ResponseEntity<byte[]> file(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadedFiles.attachment(file.getFileName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(file.getContent());
    }
}

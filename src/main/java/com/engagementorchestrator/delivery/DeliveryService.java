package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work results (DOMAIN.md step 7): stored with a preview; the originals go to the engagement's client only once its
 * final invoice is paid in full.
 */
@Service
@Transactional
public class DeliveryService {

    public static final long MAX_BYTES = 25L * 1024 * 1024;

    private final Deliverables deliverables;
    private final Previews previews;
    private final UploadedFiles files;
    private final DepositService payments;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final com.engagementorchestrator.engagement.EngagementLifecycle lifecycle;

    public DeliveryService(Deliverables deliverables, Previews previews, UploadedFiles files, DepositService payments,
                           org.camunda.bpm.engine.RuntimeService runtime,
                           com.engagementorchestrator.engagement.EngagementLifecycle lifecycle) {
        this.runtime = runtime;
        this.lifecycle = lifecycle;
        this.deliverables = deliverables;
        this.previews = previews;
        this.files = files;
        this.payments = payments;
    }

    public Deliverable upload(long engagementId, String title, String fileName, byte[] content, String uploadedBy) {
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new InvalidInputException("title", "say what this result is (1 to 300 characters)");
        }
        StoredFile original = new StoredFile(files.check("file", fileName, content, MAX_BYTES, null, "any file"));
        return deliverables.save(new Deliverable(engagementId, title.trim(), original, previews.of(original), uploadedBy));
    }

    @Transactional(readOnly = true)
    public List<Deliverable> of(long engagementId) {
        return deliverables.findByEngagementIdOrderByIdAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public Deliverable get(long engagementId, long deliverableId) {
        return deliverables.findById(deliverableId).filter(d -> d.getEngagementId() == engagementId)
                .orElseThrow(() -> new NotFoundException("No result " + deliverableId + " in this engagement"));
    }

    /** Our side declares the work delivered: the engagement's process issues the final invoice. */
    public void declareDelivered(long engagementId) {
        var e = lifecycle.get(engagementId);
        boolean waiting = e.getProcessInstanceId() != null && runtime.createExecutionQuery()
                .processInstanceId(e.getProcessInstanceId())
                .messageEventSubscriptionName(com.engagementorchestrator.engagement.EngagementProcess.Messages.WORK_DELIVERED)
                .active().count() > 0;
        if (!waiting) {
            throw new com.engagementorchestrator.common.ConflictException("Engagement " + e.getNumber() + " is " + e.getStatus()
                    + " in phase " + e.getPhase() + "; the work can be declared delivered once the materials are in");
        }
        runtime.createMessageCorrelation(com.engagementorchestrator.engagement.EngagementProcess.Messages.WORK_DELIVERED)
                .processInstanceId(e.getProcessInstanceId()).correlate();
    }

    /** The originals are the client's once the final invoice is paid in full. */
    @Transactional(readOnly = true)
    public boolean originalsReleased(long engagementId) {
        return payments.invoices(engagementId).stream()
                .anyMatch(i -> i.getKind() == Invoice.Kind.FINAL && i.isPaid());
    }
}

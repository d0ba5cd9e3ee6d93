package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import java.math.BigDecimal;
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
    private final org.camunda.bpm.engine.TaskService tasks;
    private final com.engagementorchestrator.engagement.EngagementLifecycle lifecycle;
    private final com.engagementorchestrator.engagement.ClientLetters letters;
    private final DeliveryTimers timers;
    private final com.engagementorchestrator.protocol.ProtocolService protocols;

    public DeliveryService(Deliverables deliverables, Previews previews, UploadedFiles files, DepositService payments,
                           org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.TaskService tasks,
                           com.engagementorchestrator.engagement.EngagementLifecycle lifecycle,
                           com.engagementorchestrator.engagement.ClientLetters letters, DeliveryTimers timers,
                           com.engagementorchestrator.protocol.ProtocolService protocols) {
        this.letters = letters;
        this.timers = timers;
        this.protocols = protocols;
        this.runtime = runtime;
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.deliverables = deliverables;
        this.previews = previews;
        this.files = files;
        this.payments = payments;
    }

    /**
     * Stores a result with its preview and sends it to the client for review. A new version of a result whose changes
     * were asked ({@code replacesId}) joins that result's review instead.
     */
    public Deliverable upload(long engagementId, String title, String fileName, byte[] content, String uploadedBy, Long replacesId) {
        StoredFile original = new StoredFile(files.check("file", fileName, content, MAX_BYTES, null, "any file"));
        if (replacesId != null) {
            Deliverable old = get(engagementId, replacesId);
            if (old.getStatus() != Deliverable.Status.CHANGES_REQUESTED) {
                throw new com.engagementorchestrator.common.ConflictException("Result " + replacesId + " is " + old.getStatus()
                        + "; a new version replaces a result whose changes were asked");
            }
            return deliverables.save(old.replacedBy(original, previews.of(original,
                    lifecycle.get(engagementId).getClient().getLocale()), uploadedBy));
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new InvalidInputException("title", "say what this result is (1 to 300 characters)");
        }
        var e = lifecycle.get(engagementId);
        Deliverable d = deliverables.save(new Deliverable(engagementId, title.trim(), original,
                previews.of(original, e.getClient().getLocale()), uploadedBy));
        runtime.startProcessInstanceByKey(DeliveryProcess.KEY, e.getNumber() + "/" + d.getId(),
                com.engagementorchestrator.common.ProcessVariable.values().with(DeliveryProcess.DELIVERABLE_ID, d.getId())
                        .with(DeliveryProcess.ENGAGEMENT_ID, engagementId)
                        .with(DeliveryProcess.ENGAGEMENT_NUMBER, e.getNumber())
                        .with(DeliveryProcess.CLIENT_USER_ID, e.getClient().getUserId()));
        letters.write(e, "delivery.ready", "delivery-ready/" + d.getId(), d.getTitle(), timers.silenceDateText(),
                letters.taskLink(e, DeliveryProcess.Elements.REVIEW_DELIVERY));
        return d;
    }

    public void review(long deliverableId, String decision, String changes) {
        Deliverable d = deliverables.findById(deliverableId).orElseThrow();
        if ("ACCEPT".equals(decision)) {
            d.accept(false);
        } else if ("CHANGES".equals(decision)) {
            if (changes == null || changes.isBlank()) {
                throw new InvalidInputException("changeRequest", "say what should change");
            }
            d.changesRequested(changes.trim());
        } else {
            throw new InvalidInputException("deliveryDecision", "choose ACCEPT or CHANGES");
        }
    }

    public void acceptBySilence(long deliverableId) {
        Deliverable d = deliverables.findById(deliverableId).orElseThrow();
        d.accept(true);
        letters.write(lifecycle.get(d.getEngagementId()), "delivery.accepted.silence", "delivery-silence/" + deliverableId, d.getTitle());
    }

    public void remind(long deliverableId) {
        Deliverable d = deliverables.findById(deliverableId).orElseThrow();
        letters.write(lifecycle.get(d.getEngagementId()), "delivery.reminder", "delivery-reminder/" + deliverableId, d.getTitle(),
                timers.silenceDateText());
    }

    public void assess(long deliverableId, String assessment, String note) {
        if (!"IN_SCOPE".equals(assessment) && !"CHANGE_ORDER".equals(assessment)) {
            throw new InvalidInputException("changeAssessment", "choose IN_SCOPE or CHANGE_ORDER");
        }
        if ("CHANGE_ORDER".equals(assessment) && (note == null || note.isBlank())) {
            throw new InvalidInputException("assessmentNote", "say what goes beyond the signed protocols; the client reads it");
        }
        deliverables.findById(deliverableId).orElseThrow().assessed(assessment, note == null ? null : note.trim());
    }

    /** Scope creep is never silent: the client is told the change needs its own signed protocol. */
    public void requireChangeOrder(long deliverableId) {
        Deliverable d = deliverables.findById(deliverableId).orElseThrow();
        var e = lifecycle.get(d.getEngagementId());
        letters.write(e, "delivery.changeorder", "delivery-changeorder/" + deliverableId,
                d.getTitle(), d.getChangeRequest(),
                d.assessmentNoteOr(letters.fragment("delivery.changeorder.noNote", e.getClient().getLocale())));
    }

    /**
     * The change order's protocol must be signed by both sides; if it costs more, its invoice is issued. Answers the
     * invoice's number, null when it costs nothing more.
     */
    public String recordChangeOrder(long deliverableId, String protocolNumber, BigDecimal extraCost) {
        Deliverable d = deliverables.findById(deliverableId).orElseThrow();
        if (protocolNumber == null || protocolNumber.isBlank()) {
            throw new InvalidInputException("changeOrderProtocol", "give the number of the change order's protocol");
        }
        boolean signed = protocols.ofEngagement(d.getEngagementId()).stream().anyMatch(p -> p.getNumber().equals(protocolNumber.trim())
                && p.getStatus() == com.engagementorchestrator.protocol.Protocol.Status.SIGNED);
        if (!signed) {
            throw new InvalidInputException("changeOrderProtocol", "protocol " + protocolNumber.trim()
                    + " of this engagement is not signed by both sides yet; the work on the change starts once it is");
        }
        String invoice = extraCost == null ? null
                : payments.issueChangeOrderInvoice(d.getEngagementId(), extraCost, d.getChangeRequest()).getNumber();
        d.changeOrder(protocolNumber.trim(), invoice);
        return invoice;
    }

    /** The new version must be uploaded, and a change order's invoice paid, before the client reviews again. */
    public long rework(long deliverableId) {
        Deliverable d = deliverables.findById(deliverableId).orElseThrow();
        if (d.getChangeOrderInvoice() != null && !payments.invoice(d.getChangeOrderInvoice()).map(Invoice::isPaid).orElse(false)) {
            throw new InvalidInputException("rework", "the change order's invoice " + d.getChangeOrderInvoice()
                    + " is not paid yet; work on the change starts once it is");
        }
        Deliverable next = deliverables.findFirstByReplacesId(deliverableId).orElseThrow(() -> new InvalidInputException("rework",
                "upload the new version first: POST /api/engagements/{number}/deliveries with replaces=" + deliverableId));
        var e = lifecycle.get(d.getEngagementId());
        letters.write(e, "delivery.ready", "delivery-ready/" + next.getId(), next.getTitle(),
                timers.silenceDateText(), letters.taskLink(e, DeliveryProcess.Elements.REVIEW_DELIVERY));
        return next.getId();
    }

    @Transactional(readOnly = true)
    public List<Deliverable> of(long engagementId) {
        return deliverables.findByEngagementIdOrderByIdAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public Deliverable byId(long deliverableId) {
        return deliverables.findById(deliverableId).orElseThrow(() -> new NotFoundException("No result " + deliverableId));
    }

    @Transactional(readOnly = true)
    public Deliverable get(long engagementId, long deliverableId) {
        return deliverables.findById(deliverableId).filter(d -> d.getEngagementId() == engagementId)
                .orElseThrow(() -> new NotFoundException("No result " + deliverableId + " in this engagement"));
    }

    /**
     * Through the API: completes the freelancers' "Work delivered" task of the engagement, whose complete listener
     * checks it with {@link #confirmDelivered}, as when a freelancer completes it in Tasklist. The engagement's
     * process then issues the final invoice.
     */
    public void declareDelivered(long engagementId) {
        declareDelivered(engagementId, null);
    }

    /** The same, recording who declared it as the task's assignee. */
    public void declareDelivered(long engagementId, String declaredBy) {
        var e = lifecycle.get(engagementId);
        // The task is in the work phase the engagement called, which carries the engagement's number as business key.
        var task = e.getProcessInstanceId() == null ? null : tasks.createTaskQuery()
                .processInstanceBusinessKey(e.getNumber())
                .taskDefinitionKey(WorkProcess.Elements.WORK_DELIVERED)
                .active().singleResult();
        if (task == null && waitsForTheMessage(e.getProcessInstanceId())) {
            // an instance of the model before the task: the same check, then its message
            confirmDelivered(engagementId);
            runtime.createMessageCorrelation(com.engagementorchestrator.engagement.EngagementProcess.Messages.WORK_DELIVERED)
                    .processInstanceId(e.getProcessInstanceId()).correlate();
            return;
        }
        if (task == null) {
            throw new com.engagementorchestrator.common.ConflictException("Engagement " + e.getNumber() + " is "
                    + e.getStatus() + " in phase " + e.getPhase()
                    + "; the work can be declared delivered once the materials are in and while it is not paused");
        }
        confirmDelivered(engagementId);
        if (declaredBy != null) {
            tasks.setAssignee(task.getId(), declaredBy);
        }
        tasks.complete(task.getId());
    }

    private boolean waitsForTheMessage(String processInstanceId) {
        return processInstanceId != null && runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(com.engagementorchestrator.engagement.EngagementProcess.Messages.WORK_DELIVERED)
                .active().count() > 0;
    }

    /**
     * The one check of "the work is delivered" (the Tasklist task and the API both come here): every result the
     * client was sent is accepted. Refused with a conflict that names the results still open.
     */
    @Transactional(readOnly = true)
    public void confirmDelivered(long engagementId) {
        List<Deliverable> open = openResults(engagementId);
        if (!open.isEmpty()) {
            throw new com.engagementorchestrator.common.ConflictException("The client has not accepted every result yet: "
                    + open.stream().map(d -> d.getTitle() + " (" + statusInWords(d.getStatus()) + ")")
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** What the freelancer's "Work delivered" form shows: every result and where it stands, in words. */
    @Transactional(readOnly = true)
    public String deliveredWorkSummary(long engagementId) {
        List<Deliverable> all = of(engagementId).stream().filter(d -> d.getStatus() != Deliverable.Status.REPLACED).toList();
        if (all.isEmpty()) {
            return "No results uploaded yet.";
        }
        String lines = all.stream().map(d -> "- " + d.getTitle() + " (version " + d.getVersion() + "): "
                + statusInWords(d.getStatus())).collect(java.util.stream.Collectors.joining("\n"));
        return openResults(engagementId).isEmpty() ? lines + "\n\nEvery result is accepted: the work can be declared delivered."
                : lines + "\n\nResults still in review or with changes asked: wait for the client before declaring the work delivered.";
    }

    private List<Deliverable> openResults(long engagementId) {
        return of(engagementId).stream().filter(d -> d.getStatus() == Deliverable.Status.IN_REVIEW
                || d.getStatus() == Deliverable.Status.CHANGES_REQUESTED).toList();
    }

    static String statusInWords(Deliverable.Status status) {
        return switch (status) {
            case IN_REVIEW -> "in review by the client";
            case ACCEPTED -> "accepted";
            case AUTO_ACCEPTED -> "accepted (no answer in time)";
            case CHANGES_REQUESTED -> "changes asked";
            case REPLACED -> "replaced by a new version";
        };
    }

    /** The originals are the client's once the final invoice is paid in full. */
    @Transactional(readOnly = true)
    public boolean originalsReleased(long engagementId) {
        return payments.invoices(engagementId).stream()
                .anyMatch(i -> i.getKind() == Invoice.Kind.FINAL && i.isPaid());
    }
}

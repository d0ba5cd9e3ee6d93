package com.engagementorchestrator.overview;

import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.breach.BreachService;
import com.engagementorchestrator.contact.ContactAgreement;
import com.engagementorchestrator.contact.ContactAgreements;
import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.materials.BriefItem;
import com.engagementorchestrator.materials.MaterialsService;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.protocol.ProtocolService;
import com.engagementorchestrator.screening.ScreeningService;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngagementOverviewController {

    private final VisibleEngagements visible;
    private final ScreeningService screening;
    private final AuthorityService authority;
    private final DepositService deposits;
    private final MaterialsService materials;
    private final PromiseLedger promises;
    private final BreachService breaches;
    private final ContactAgreements contacts;
    private final CorrespondenceLog correspondence;
    private final ProtocolService protocols;

    EngagementOverviewController(VisibleEngagements visible, ScreeningService screening, AuthorityService authority,
                                 DepositService deposits, MaterialsService materials, PromiseLedger promises,
                                 BreachService breaches, ContactAgreements contacts, CorrespondenceLog correspondence,
                                 ProtocolService protocols) {
        this.protocols = protocols;
        this.correspondence = correspondence;
        this.visible = visible;
        this.screening = screening;
        this.authority = authority;
        this.deposits = deposits;
        this.materials = materials;
        this.promises = promises;
        this.breaches = breaches;
        this.contacts = contacts;
    }

    @GetMapping("/api/engagements/{number}")
    @Transactional(readOnly = true)
    EngagementView engagement(@PathVariable String number, Authentication caller) {
        Engagement e = visible.get(number, caller);
        var client = e.getClient();
        var company = e.getCompany();
        String base = "/api/engagements/" + e.getNumber();
        // The client learns the verdict; the markers, the moderator's reasons and who reviewed are our internal notes.
        boolean staff = com.engagementorchestrator.security.CurrentUser.isStaff(caller);
        var screeningView = screening.find(e.getId()).map(s -> staff ? new EngagementView.ScreeningView(s.getScore(),
                s.getVerdict() == null ? null : s.getVerdict().name(), s.getRuleVerdict().name(), s.getCompanyCheck().name(),
                s.getCompanyStatus() == null ? null : s.getCompanyStatus().name(),
                s.getMarkers().stream().map(m -> new EngagementView.MarkerView(m.id(), m.weight(), m.reason())).toList(),
                s.getOverrideReason(), s.getReviewedBy())
                : new EngagementView.ScreeningView(null, s.getVerdict() == null ? null : s.getVerdict().name(),
                null, null, null, null, null, null)).orElse(null);
        var documents = authority.documents(e.getId()).stream().map(d -> new EngagementView.DocumentView(d.getId(),
                d.getAttempt(), d.getFile().getFileName(), d.getFile().getContentType(), d.getFile().getSizeBytes(), d.getDecision().name(),
                d.getRejectionReason(), d.getUploadedAt(), base + "/authority-documents/" + d.getId())).toList();
        var invoices = deposits.invoices(e.getId()).stream().map(i -> new EngagementView.InvoiceView(i.getNumber(),
                i.getKind().name(), i.getAmount(), i.getCurrency(), i.getSharePercent(), i.getDueAt(), i.getStatus().name(),
                deposits.paidSoFar(i), i.getPaidAt(),
                deposits.payments(i).stream().map(p -> new EngagementView.PaymentView(p.getSource().name(),
                        p.getProviderPaymentId(), p.getAmount(), p.getCurrency(), p.getPaidAt())).toList(),
                deposits.paymentOrders(i).stream().map(o -> new EngagementView.PaymentOrderView(o.getId(), o.getFile().getFileName(),
                        o.getDeclaredAmount(), o.getDecision().name(), o.getConfirmedAmount(), o.getRejectionReason(),
                        o.getUploadedAt(), base + "/payment-orders/" + o.getId())).toList())).toList();
        List<BriefItem> items = materials.items(e.getId());
        var submissions = materials.submissionsOf(items.stream().map(BriefItem::getId).toList());
        var brief = materials.brief(e.getId()).map(b -> new EngagementView.BriefView(b.getStatus().name(), b.getRounds(),
                b.getSentAt(), b.getCompletedAt(), items.stream().map(i -> new EngagementView.BriefItemView(i.getId(),
                        i.getPosition(), i.getKind().name(), i.getTitle(), i.getDueDate(), i.getStatus().name(),
                        i.isExtensionRequested(), i.getReviewNote(), submissions.stream()
                        .filter(s -> s.getItemId().equals(i.getId()))
                        .map(s -> new EngagementView.SubmissionView(s.getId(), s.getRound(), s.getAnswer(),
                                s.getFile() == null ? null : s.getFile().getFileName(),
                                s.getFile() == null ? null : s.getFile().getContentType(),
                                s.getFile() == null ? null : s.getFile().getSizeBytes(), s.getSubmittedAt(),
                                s.getFile() == null ? null : base + "/materials/" + s.getId())).toList())).toList()))
                .orElse(null);
        return new EngagementView(e.getNumber(), e.getStatus().name(), e.getPhase().name(), e.getCloseReason(),
                e.getKindOfWork() == null ? null : e.getKindOfWork().name(), e.getCreatedAt(), e.getClosedAt(),
                new EngagementView.ClientView(client.getId(), client.getFullName(), client.getEmail(), company.getName(),
                        company.getRegistrationNumber(), company.getCountry(), company.getIndustry().name()),
                new EngagementView.ProjectView(e.getProjectDescription(), e.getProjectGoal(), e.getBudgetAmount(),
                        e.getBudgetCurrency(), e.getDesiredDeadline()),
                screeningView,
                new EngagementView.AuthorityView(documents.size(), AuthorityService.MAX_ATTEMPTS, documents),
                invoices, brief,
                promises.ofEngagement(e.getId()).stream().map(EngagementOverviewController::promise).toList(),
                breaches.ofEngagement(e.getId()).stream().map(b -> new EngagementView.BreachView(b.getId(), b.getKind(),
                        b.getWhatWasDue(), b.getDueAt(), b.getOccurredAt())).toList(),
                contact(contacts.find(e.getId()), staff),
                correspondence.findByEngagementIdOrderByIdAsc(e.getId()).stream()
                        .filter(c -> staff || !c.isInbound() || c.getStatus() == Correspondence.Status.RECEIVED)
                        .map(c -> correspondence(c, staff)).toList(),
                protocols.ofEngagement(e.getId()).stream().map(p -> new EngagementView.ProtocolView(p.getId(), p.getNumber(),
                        p.getVersion(), p.getStatus().name(), p.getMeetingDate(), p.getContentSha256(), p.getCreatedAt(),
                        staff ? p.getCreatedBy() : null, "/api/protocols/" + p.getId())).toList());
    }

    static EngagementView.ContactView contact(ContactAgreement agreement, boolean staff) {
        return new EngagementView.ContactView(agreement.getPreferredChannel().name(), agreement.getReportEveryDays(),
                agreement.isRecorded(), staff ? agreement.getAgreedBy() : null, agreement.getAgreedAt());
    }

    /** The whole correspondence for moderators; the client reads our letters and their own replies, without our notes. */
    static EngagementView.CorrespondenceView correspondence(Correspondence c, boolean staff) {
        return new EngagementView.CorrespondenceView(c.getId(), c.getDirection().name(), c.getStatus().name(),
                c.isInbound() ? c.getSender() : null, c.getRecipient(), c.getSubject(), c.getBody(), c.getTemplate(),
                c.getCreatedAt(), c.getSentAt(), c.getReceivedAt(), c.getAnswersId(),
                staff ? c.getReadAt() : null, staff ? c.getReadBy() : null, staff ? c.getModeratorNote() : null);
    }

    static EngagementView.PromiseView promise(Promise p) {
        return new EngagementView.PromiseView(p.getId(), p.getKind().name(), p.getSubject(), p.getDescription(), p.getDueAt(),
                p.getStatus().name(), p.getResolvedAt(), p.getFulfilledAt(), p.getCloseReason());
    }
}

package com.engagementorchestrator.overview;

import com.engagementorchestrator.authority.AuthorityService;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.screening.ScreeningService;
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

    EngagementOverviewController(VisibleEngagements visible, ScreeningService screening, AuthorityService authority) {
        this.visible = visible;
        this.screening = screening;
        this.authority = authority;
    }

    @GetMapping("/api/engagements/{number}")
    @Transactional(readOnly = true)
    EngagementView engagement(@PathVariable String number, Authentication caller) {
        Engagement e = visible.get(number, caller);
        var client = e.getClient();
        var company = e.getCompany();
        var screeningView = screening.find(e.getId()).map(s -> new EngagementView.ScreeningView(s.getScore(),
                s.getVerdict() == null ? null : s.getVerdict().name(), s.getRuleVerdict().name(), s.getCompanyCheck().name(),
                s.getCompanyStatus() == null ? null : s.getCompanyStatus().name(),
                s.getMarkers().stream().map(m -> new EngagementView.MarkerView(m.id(), m.weight(), m.reason())).toList(),
                s.getOverrideReason(), s.getReviewedBy())).orElse(null);
        var documents = authority.documents(e.getId()).stream().map(d -> new EngagementView.DocumentView(d.getId(),
                d.getAttempt(), d.getFileName(), d.getContentType(), d.getSizeBytes(), d.getDecision().name(),
                d.getRejectionReason(), d.getUploadedAt(),
                "/api/engagements/" + e.getNumber() + "/authority-documents/" + d.getId())).toList();
        return new EngagementView(e.getNumber(), e.getStatus().name(), e.getPhase().name(), e.getCloseReason(),
                e.getCreatedAt(), e.getClosedAt(),
                new EngagementView.ClientView(client.getId(), client.getFullName(), client.getEmail(), company.getName(),
                        company.getRegistrationNumber(), company.getCountry(), company.getIndustry().name()),
                new EngagementView.ProjectView(e.getProjectDescription(), e.getProjectGoal(), e.getBudgetAmount(),
                        e.getBudgetCurrency(), e.getDesiredDeadline()),
                screeningView,
                new EngagementView.AuthorityView(documents.size(), AuthorityService.MAX_ATTEMPTS, documents));
    }
}

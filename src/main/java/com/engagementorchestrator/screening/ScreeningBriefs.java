package com.engagementorchestrator.screening;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.engagement.EngagementProcess.Variables;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a moderator's screening form shows: the intake, the company and the fired markers, as readable text. */
@Component
class ScreeningBriefs {

    private final EngagementLifecycle lifecycle;
    private final ScreeningService screening;

    ScreeningBriefs(EngagementLifecycle lifecycle, ScreeningService screening) {
        this.lifecycle = lifecycle;
        this.screening = screening;
    }

    @Transactional(readOnly = true)
    ProcessVariable.Values brief(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        var client = e.getClient();
        var company = e.getCompany();
        ProcessVariable.Values brief = ProcessVariable.values();
        brief.with(Variables.COMPANY_SUMMARY, """
                Company: %s
                Registration number: %s (%s)
                Industry: %s
                Website: %s""".formatted(orDash(company.getName()), orDash(company.getRegistrationNumber()),
                company.getCountry(), company.getIndustry().nameEn(), orDash(company.getWebsite())));
        brief.with(Variables.INTAKE_SUMMARY, """
                Engagement %s
                Client: %s, %s (%s, %s)
                First contact: %s
                Project: %s
                Goal: %s
                Budget: %s %s, deadline %s
                Previous contractors (%s): %s
                Decisions: %s""".formatted(e.getNumber(), client.getFullName(), orDash(client.getPosition()),
                client.getEmail(), orDash(client.getPhone()), inWords(e.getFirstContactChannel()), e.getProjectDescription(),
                orDash(e.getProjectGoal()), e.getBudgetAmount().toPlainString(), e.getBudgetCurrency(),
                e.getDesiredDeadline(), e.getPreviousContractorsCount() == null ? NOT_GIVEN : e.getPreviousContractorsCount(),
                orDash(e.getPreviousContractorsExperience()), inWords(e.getDecisionMaking())));
        screening.find(engagementId).ifPresent(s -> {
            brief.with(Variables.SCREENING_SCORE, s.getScore());
            brief.with(Variables.RULE_VERDICT, s.getRuleVerdict().inWords());
            brief.with(Variables.MARKERS_SUMMARY, s.getMarkers().isEmpty() ? "No marker fired." : s.getMarkers().stream()
                    .map(m -> "%s (+%d): %s".formatted(m.id(), m.weight(), m.reason()))
                    .collect(Collectors.joining("\n")));
        });
        return brief;
    }

    private static String inWords(com.engagementorchestrator.engagement.FirstContactChannel channel) {
        return channel == null ? NOT_GIVEN : channel.inWords();
    }

    private static String inWords(com.engagementorchestrator.engagement.DecisionMaking decisions) {
        return decisions == null ? NOT_GIVEN : decisions.inWords();
    }

    /** What the client left out reads as words in the moderator's form, never a dash. */
    private static final String NOT_GIVEN = "not given";

    private static String orDash(String value) {
        return value == null || value.isBlank() ? NOT_GIVEN : value;
    }
}

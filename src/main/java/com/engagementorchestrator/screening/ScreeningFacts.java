package com.engagementorchestrator.screening;

import com.engagementorchestrator.engagement.Engagement;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import com.engagementorchestrator.common.Time;

/**
 * The inputs of the screening-markers DMN table. Only facts are prepared here (presence of a field, days until the
 * deadline); every judgement about them is a rule in processes/screening-rules.dmn.
 */
record ScreeningFacts(Engagement engagement, long priorBreaches, CompanyFacts company, Observations observations) {

    Map<String, Object> toDecisionVariables() {
        Map<String, Object> variables = new HashMap<>();
        var client = engagement.getClient();
        var companyRecord = engagement.getCompany();
        variables.put("firstContactChannel", engagement.getFirstContactChannel().name());
        variables.put("companyNameGiven", hasText(companyRecord.getName()));
        variables.put("registrationNumberGiven", hasText(companyRecord.getRegistrationNumber()));
        variables.put("positionGiven", hasText(client.getPosition()));
        variables.put("industry", companyRecord.getIndustry().name());
        variables.put("priorBreaches", priorBreaches);
        variables.put("companyStatus", company == null ? null : company.status().name());
        variables.put("debtCases", company == null ? null : company.debtCases());
        variables.put("bankruptcyCases", company == null ? null : company.bankruptcyCases());
        variables.put("previousContractorsExperience", text(engagement.getPreviousContractorsExperience()));
        variables.put("previousContractorsCount", engagement.getPreviousContractorsCount());
        variables.put("projectText", text(engagement.getProjectGoal()) + "\n" + text(engagement.getProjectDescription()));
        variables.put("budgetAmount", engagement.getBudgetAmount());
        variables.put("budgetCurrency", engagement.getBudgetCurrency());
        variables.put("daysToDeadline", ChronoUnit.DAYS.between(Time.today(), engagement.getDesiredDeadline()));
        variables.put("decisionMaking", engagement.getDecisionMaking().name());
        Observations seen = observations == null ? Observations.NONE : observations;
        variables.put("observedBrokenPromises", seen.brokenPromises());
        variables.put("observedAnonymity", seen.anonymity());
        variables.put("observedBlamesPrevious", seen.blamesPrevious());
        variables.put("observedSinkingShip", seen.sinkingShip());
        variables.put("observedPartnersSplit", seen.partnersSplit());
        variables.put("observedNoClearGoal", seen.noClearGoal());
        variables.put("observedWontCompromise", seen.wontCompromise());
        variables.put("observedNoDecisionsButActive", seen.noDecisionsButActive());
        return variables;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** FEEL string functions fail on null, so absent text is an empty string; lower-cased for the keyword rules. */
    private static String text(String value) {
        return value == null ? "" : value.toLowerCase();
    }
}

package com.engagementorchestrator.screening;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.Engagement;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The inputs of screening-rules.dmn. Only facts are prepared here (presence of a field, days until the deadline, the
 * budget in roubles, an earlier engagement remembered); every judgement about them is a rule in the DMN.
 */
record ScreeningFacts(Engagement engagement, long priorBreaches, CompanyFacts company, Observations observations,
                      BigDecimal budgetInRub, EarlierEngagements.Remembered remembered) {

    Map<String, Object> toDecisionVariables() {
        Map<String, Object> variables = new HashMap<>();
        var client = engagement.getClient();
        var companyRecord = engagement.getCompany();
        Observations seen = observations == null ? Observations.NONE : observations;
        variables.put("firstContactChannel", engagement.getFirstContactChannel().name());
        variables.put("companyNameGiven", hasText(companyRecord.getName()));
        variables.put("companyName", text(companyRecord.getName()));
        variables.put("registrationNumberGiven", hasText(companyRecord.getRegistrationNumber()));
        variables.put("positionGiven", hasText(client.getPosition()));
        variables.put("industry", companyRecord.getIndustry().name());
        variables.put("priorBreaches", priorBreaches);
        variables.put("companyStatus", company == null ? null : company.status().name());
        variables.put("debtCases", company == null ? null : company.debtCases());
        variables.put("bankruptcyCases", company == null ? null : company.bankruptcyCases());
        variables.put("companyReviewsBad", (company != null && company.reviewsShowBrokenObligations()) || seen.companyReviewsBad());
        variables.put("previousContractorsExperience", text(engagement.getPreviousContractorsExperience()));
        variables.put("previousContractorsCount", engagement.getPreviousContractorsCount());
        variables.put("projectText", text(engagement.getProjectGoal()) + "\n" + text(engagement.getProjectDescription()));
        variables.put("budgetInRub", budgetInRub == null ? null : budgetInRub.doubleValue());
        variables.put("daysToDeadline", ChronoUnit.DAYS.between(Time.today(), engagement.getDesiredDeadline()));
        variables.put("decisionMaking", engagement.getDecisionMaking().name());
        variables.put("rememberedEngagement", remembered == null ? null : remembered.number());
        variables.put("rememberedLink", remembered == null ? null : remembered.link().name());
        variables.put("rememberedAs", remembered == null ? null : remembered.link().words);
        variables.put("rememberedOutcome", remembered == null ? null : remembered.outcome());
        variables.put("observedAnonymity", seen.anonymity());
        variables.put("observedBrokenPromises", seen.brokenPromises());
        variables.put("observedBrokenPromisesRepeatedly", seen.brokenPromisesRepeatedly());
        variables.put("observedBlamesPrevious", seen.blamesPrevious());
        variables.put("observedPreviousContractorsWereRight", seen.previousContractorsWereRight());
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

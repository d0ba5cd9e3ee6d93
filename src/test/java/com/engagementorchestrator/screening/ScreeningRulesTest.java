package com.engagementorchestrator.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/screening-rules.dmn as deployed: each marker fires on its signal and stays silent without it. */
@IntegrationTest
class ScreeningRulesTest {

    @Autowired DecisionService decisions;

    /** Inputs of a client that raises no flag. */
    static Map<String, Object> clean() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("firstContactChannel", "EMAIL");
        facts.put("companyNameGiven", true);
        facts.put("registrationNumberGiven", true);
        facts.put("positionGiven", true);
        facts.put("industry", "IT");
        facts.put("priorBreaches", 0L);
        facts.put("companyStatus", "ACTIVE");
        facts.put("debtCases", 0);
        facts.put("bankruptcyCases", 0);
        facts.put("previousContractorsExperience", "they did a decent job");
        facts.put("previousContractorsCount", 1);
        facts.put("projectText", "grow online sales with a new catalogue");
        facts.put("budgetAmount", 250000);
        facts.put("budgetCurrency", "RUB");
        facts.put("daysToDeadline", 60L);
        facts.put("decisionMaking", "SELF");
        for (String observation : List.of("observedBrokenPromises", "observedAnonymity", "observedBlamesPrevious",
                "observedSinkingShip", "observedPartnersSplit", "observedNoClearGoal", "observedWontCompromise",
                "observedNoDecisionsButActive")) {
            facts.put(observation, false);
        }
        return facts;
    }

    static Stream<Arguments> signals() {
        return Stream.of(
                signal("M1", "firstContactChannel", "VOICE_MESSAGE", "PHONE_CALL"),
                signal("M2", "companyNameGiven", false, true),
                signal("M2", "registrationNumberGiven", false, true),
                signal("M2", "positionGiven", false, true),
                signal("M2", "observedAnonymity", true, false),
                signal("M3", "priorBreaches", 1L, 0L),
                signal("M3", "observedBrokenPromises", true, false),
                signal("M4", "industry", "SEAFOOD", "FOOD_AND_BEVERAGE"),
                signal("M5", "companyStatus", "BANKRUPT", "ACTIVE"),
                signal("M5", "companyStatus", "LIQUIDATING", null),
                signal("M5", "companyStatus", "REORGANIZING", "ACTIVE"),
                signal("M5", "companyStatus", "NOT_FOUND", "ACTIVE"),
                signal("M5", "debtCases", 2, 0),
                signal("M5", "bankruptcyCases", 1, 0),
                signal("M7", "previousContractorsExperience", "все прошлые подрядчики были идиоты", "прошлый подрядчик уехал"),
                signal("M7", "previousContractorsExperience", "frankly, they were all fools", ""),
                signal("M7", "previousContractorsCount", 3, 2),
                signal("M7", "observedBlamesPrevious", true, false),
                signal("M8", "projectText", "this is our last chance to save the company", "launch a second product line"),
                signal("M8", "projectText", "нужно спасти бизнес, мы на грани", "расширить бизнес"),
                signal("M8", "observedSinkingShip", true, false),
                signal("M8", "observedPartnersSplit", true, false),
                signal("F1", "observedNoClearGoal", true, false),
                signal("F2", "budgetAmount", 20000, 40000),
                signal("F2", "daysToDeadline", 5L, 30L),
                signal("F2", "observedWontCompromise", true, false),
                signal("F3", "decisionMaking", "COMMITTEE", "NEEDS_APPROVAL"),
                signal("F3", "observedNoDecisionsButActive", true, false));
    }

    private static Arguments signal(String marker, String input, Object fires, Object silent) {
        return Arguments.of(marker, input, fires, silent);
    }

    @ParameterizedTest(name = "{0} on {1}={2}, not on {3}")
    @MethodSource("signals")
    void markerFiresOnItsSignalOnly(String marker, String input, Object fires, Object silent) {
        assertThat(markers(Map.of(input, fires))).contains(marker);
        Map<String, Object> quiet = new HashMap<>();
        quiet.put(input, silent);
        assertThat(markers(quiet)).doesNotContain(marker);
    }

    @Test
    void aCleanClientRaisesNoFlag() {
        assertThat(markers(Map.of())).isEmpty();
    }

    @Test
    void budgetMinimumsDependOnTheCurrency() {
        assertThat(markers(Map.of("budgetCurrency", "EUR", "budgetAmount", 300))).contains("F2");
        assertThat(markers(Map.of("budgetCurrency", "EUR", "budgetAmount", 800))).doesNotContain("F2");
    }

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({"0, ACCEPT", "19, ACCEPT", "20, REVIEW", "59, REVIEW", "60, DECLINE", "150, DECLINE"})
    void verdictThresholds(int score, String verdict) {
        String decided = decisions.evaluateDecisionByKey("screening-verdict").variables(Map.of("score", score))
                .evaluate().getSingleEntry();
        assertThat(decided).isEqualTo(verdict);
    }

    private List<String> markers(Map<String, Object> changes) {
        Map<String, Object> facts = clean();
        facts.putAll(changes);
        return decisions.evaluateDecisionByKey("screening-markers").variables(facts).evaluate().getResultList().stream()
                .map(row -> (String) row.get("marker")).toList();
    }
}

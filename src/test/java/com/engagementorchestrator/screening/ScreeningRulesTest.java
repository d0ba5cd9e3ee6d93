package com.engagementorchestrator.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.common.ProvisionalDecisions;
import com.engagementorchestrator.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/screening-rules.dmn as deployed: each marker fires on its signal and stays silent without it, counts once
 * at its highest weight, markers add up, and the articles' decisive signals and worst cases reach REVIEW and DECLINE.
 */
@IntegrationTest
class ScreeningRulesTest {

    @Autowired DecisionService decisions;
    @Autowired HistoryService history;

    /** Inputs of a client that raises no flag. */
    static Map<String, Object> clean() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("firstContactChannel", "EMAIL");
        facts.put("companyNameGiven", true);
        facts.put("companyName", "vector solutions llc");
        facts.put("registrationNumberGiven", true);
        facts.put("positionGiven", true);
        facts.put("industry", "IT");
        facts.put("priorBreaches", 0L);
        facts.put("companyStatus", "ACTIVE");
        facts.put("debtCases", 0);
        facts.put("bankruptcyCases", 0);
        facts.put("companyReviewsBad", false);
        facts.put("previousContractorsExperience", "they did a decent job");
        facts.put("previousContractorsCount", 1);
        facts.put("projectText", "grow online sales with a new catalogue");
        facts.put("budgetInRub", 250000.0);
        facts.put("daysToDeadline", 60L);
        facts.put("decisionMaking", "SELF");
        facts.put("rememberedEngagement", null);
        facts.put("rememberedLink", null);
        facts.put("rememberedAs", null);
        facts.put("rememberedOutcome", null);
        for (String observation : List.of("observedAnonymity", "observedBrokenPromises", "observedBrokenPromisesRepeatedly",
                "observedBlamesPrevious", "observedPreviousContractorsWereRight", "observedSinkingShip",
                "observedPartnersSplit", "observedNoClearGoal", "observedWontCompromise", "observedNoDecisionsButActive")) {
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
                signal("M3", "observedBrokenPromisesRepeatedly", true, false),
                signal("M4", "industry", "SEAFOOD", "FOOD_AND_BEVERAGE"),
                signal("M4", "companyName", "ооо морепродукты востока", "ооо вектор"),
                signal("M4", "companyName", "pacific crab trading", "pacific software"),
                signal("M4", "projectText", "интернет-магазин красной икры и краба", "интернет-магазин одежды"),
                signal("M4", "projectText", "a shop for fresh fish and shrimp", "a shop for fresh flowers"),
                signal("M5", "companyStatus", "BANKRUPT", "ACTIVE"),
                signal("M5", "companyStatus", "LIQUIDATING", null),
                signal("M5", "companyStatus", "REORGANIZING", "ACTIVE"),
                signal("M5", "companyStatus", "NOT_FOUND", "ACTIVE"),
                signal("M5", "debtCases", 2, 0),
                signal("M5", "bankruptcyCases", 1, 0),
                signal("M5", "companyReviewsBad", true, false),
                signal("M7", "previousContractorsExperience", "все прошлые подрядчики были идиоты", "прошлый подрядчик уехал"),
                signal("M7", "previousContractorsExperience", "frankly, they were all fools", ""),
                signal("M7", "previousContractorsCount", 3, 2),
                signal("M7", "observedBlamesPrevious", true, false),
                signal("M7", "observedPreviousContractorsWereRight", true, false),
                signal("M8", "projectText", "this is our last chance to save the company", "launch a second product line"),
                signal("M8", "projectText", "нужно спасти бизнес, мы на грани", "расширить бизнес"),
                signal("M8", "projectText", "после развода с бывшей женой веду бизнес один", "веду бизнес с женой"),
                signal("M8", "projectText", "мы разошлись с партнёром", "разошлём рассылку клиентам"),
                signal("M8", "projectText", "we are close to bankruptcy", "a website for a bankruptcy law firm"),
                signal("M8", "observedSinkingShip", true, false),
                signal("M8", "observedPartnersSplit", true, false),
                signal("F1", "observedNoClearGoal", true, false),
                signal("F2", "budgetInRub", 20000.0, 40000.0),
                signal("F2", "daysToDeadline", 5L, 30L),
                signal("F2", "observedWontCompromise", true, false),
                signal("F3", "decisionMaking", "COMMITTEE", "SELF"),
                signal("F3", "decisionMaking", "NEEDS_APPROVAL", "SELF"),
                signal("F3", "projectText", "всё нужно согласовать с директором", "решаю сам"),
                signal("F3", "projectText", "решает директор, я только собираю требования", "написать руководство пользователя"),
                signal("F3", "observedNoDecisionsButActive", true, false),
                signal("H1", "rememberedEngagement", "ENG-2026-000001", null));
    }

    private static Arguments signal(String marker, String input, Object fires, Object silent) {
        return Arguments.of(marker, input, fires, silent);
    }

    @ParameterizedTest(name = "{0} on {1}={2}, not on {3}")
    @MethodSource("signals")
    void markerFiresOnItsSignalOnly(String marker, String input, Object fires, Object silent) {
        Map<String, Object> firing = new HashMap<>(Map.of(input, fires));
        if (input.equals("rememberedEngagement")) {
            firing.putAll(Map.of("rememberedLink", "COMPANY", "rememberedAs", "same company", "rememberedOutcome", "declined"));
        }
        assertThat(markers(firing)).contains(marker);
        Map<String, Object> quiet = new HashMap<>();
        quiet.put(input, silent);
        assertThat(markers(quiet)).doesNotContain(marker);
    }

    @Test
    void aCleanClientRaisesNoFlagAndIsAccepted() {
        assertThat(markers(Map.of())).isEmpty();
        assertThat(verdict(Map.of())).isEqualTo("ACCEPT");
    }

    /** Seed 000 and 001 call these decisive: each reaches at least a review on its own. */
    static Stream<Map<String, Object>> decisiveSignals() {
        return Stream.of(Map.of("firstContactChannel", "VOICE_MESSAGE"), Map.of("companyNameGiven", false),
                Map.of("observedBrokenPromises", true), Map.of("priorBreaches", 1L), Map.of("industry", "SEAFOOD"),
                Map.of("projectText", "поставки краба и морепродуктов"), Map.of("companyStatus", "NOT_FOUND"),
                Map.of("observedBlamesPrevious", true), Map.of("previousContractorsExperience", "все были дилетанты"),
                Map.of("observedSinkingShip", true), Map.of("projectText", "last chance to save our business"),
                Map.of("observedNoClearGoal", true), Map.of("budgetInRub", 10000.0), Map.of("daysToDeadline", 7L),
                Map.of("observedWontCompromise", true), Map.of("observedNoDecisionsButActive", true),
                Map.of("decisionMaking", "NEEDS_APPROVAL"));
    }

    @ParameterizedTest
    @MethodSource("decisiveSignals")
    void aDecisiveSignalReachesAReviewOnItsOwn(Map<String, Object> signal) {
        assertThat(verdict(signal)).isIn("REVIEW", "DECLINE");
    }

    /** The articles' worst cases decline on their own. */
    static Stream<Map<String, Object>> worstCases() {
        return Stream.of(Map.of("observedAnonymity", true), Map.of("observedBrokenPromisesRepeatedly", true),
                Map.of("priorBreaches", 2L), Map.of("debtCases", 2), Map.of("bankruptcyCases", 1),
                Map.of("companyStatus", "BANKRUPT"), Map.of("companyReviewsBad", true),
                Map.of("observedSinkingShip", true, "observedPartnersSplit", true),
                Map.of("projectText", "бизнес на грани, с бывшим мужем разошлись"),
                Map.of("observedPreviousContractorsWereRight", true));
    }

    @ParameterizedTest
    @MethodSource("worstCases")
    void theWorstCasesDecline(Map<String, Object> worst) {
        assertThat(verdict(worst)).isEqualTo("DECLINE");
    }

    @Test
    void aMarkerCountsOnceAtItsHighestWeight() {
        Map<String, Object> outcome = outcome(Map.of("companyNameGiven", false, "positionGiven", false,
                "observedAnonymity", true));
        assertThat(markerRows(outcome)).singleElement().satisfies(m -> assertThat(m.get("weight")).isEqualTo(60L));
    }

    @Test
    void markersAddUp() {
        assertThat(verdict(Map.of("budgetInRub", 10000.0))).isEqualTo("REVIEW");
        assertThat(verdict(Map.of("budgetInRub", 10000.0, "daysToDeadline", 5L, "firstContactChannel", "VOICE_MESSAGE")))
                .isEqualTo("DECLINE");
        assertThat(verdict(Map.of("observedNoClearGoal", true, "observedNoDecisionsButActive", true))).isEqualTo("DECLINE");
        assertThat(outcome(Map.of("budgetInRub", 10000.0, "daysToDeadline", 5L)).get("score")).isEqualTo(40L);
    }

    @Test
    void aRememberedEngagementIsNamedAndWeighedByHowItIsLinked() {
        Map<String, Object> colleague = outcome(Map.of("rememberedEngagement", "ENG-2026-000007", "rememberedLink", "COMPANY",
                "rememberedAs", "same company", "rememberedOutcome", "declined"));
        assertThat(colleague.get("verdict")).isEqualTo("REVIEW");
        assertThat(markerRows(colleague)).singleElement().satisfies(m -> assertThat(m.get("reason"))
                .isEqualTo("Earlier engagement ENG-2026-000007 of the same company was declined"));
        Map<String, Object> samePhone = outcome(Map.of("rememberedEngagement", "ENG-2026-000008", "rememberedLink", "PHONE",
                "rememberedAs", "same phone number", "rememberedOutcome", "terminated"));
        assertThat(samePhone.get("score")).isEqualTo(30L);
    }

    @Test
    void everyClientTheRulesDoNotDeclineGetsAnIntroCallByDefault() {
        Map<String, Object> clear = outcome(Map.of());
        assertThat(clear.get("verdict")).isEqualTo("ACCEPT");
        assertThat(clear.get("introCall")).isEqualTo(true);
        Map<String, Object> borderline = outcome(Map.of("firstContactChannel", "VOICE_MESSAGE"));
        assertThat(borderline.get("verdict")).isEqualTo("REVIEW");
        assertThat(borderline.get("introCall")).isEqualTo(true);
    }

    /** The application's one evaluation of "screening" evaluates every table of the diagram exactly once. */
    @Test
    void oneScreeningEvaluatesEachTableOnce() {
        List<String> keys = List.of("screening", "intro-call", "screening-verdict", "screening-score", "marker-m1",
                "marker-h1");
        Map<String, Long> before = new HashMap<>();
        keys.forEach(key -> before.put(key, evaluations(key)));
        outcome(Map.of("firstContactChannel", "VOICE_MESSAGE"));
        keys.forEach(key -> assertThat(evaluations(key) - before.get(key)).as(key).isEqualTo(1L));
    }

    /**
     * The intake screening evaluates provisionally: the same answer, but none of the diagram's tables writes decision
     * history; the scoring's evaluation, made the ordinary way, writes it for each table.
     */
    @Test
    void aProvisionalEvaluationAnswersTheSameWithoutDecisionHistory() {
        List<String> keys = List.of("screening", "intro-call", "screening-score", "marker-m1", "marker-h1");
        Map<String, Long> before = new HashMap<>();
        keys.forEach(key -> before.put(key, evaluations(key)));
        Map<String, Object> provisional = ProvisionalDecisions.evaluate(() -> outcome(Map.of("firstContactChannel", "VOICE_MESSAGE")));
        keys.forEach(key -> assertThat(evaluations(key)).as(key).isEqualTo(before.get(key)));

        Map<String, Object> decisive = outcome(Map.of("firstContactChannel", "VOICE_MESSAGE"));

        assertThat(decisive).isEqualTo(provisional);
        keys.forEach(key -> assertThat(evaluations(key) - before.get(key)).as(key).isEqualTo(1L));
    }

    private long evaluations(String decisionKey) {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(decisionKey).count();
    }

    @Test
    void declineAdviceFitsTheReasonAndTheKindOfWork() {
        assertThat(advice(null, "seo и контекстная реклама для салона", true, false))
                .containsExactly("decline.hint.general.marketing", "decline.hint.budget.marketing");
        assertThat(advice(null, "a corporate website", false, true))
                .containsExactly("decline.hint.general.website", "decline.hint.deadline");
        assertThat(advice("DESIGN", "", true, false)).containsExactly("decline.hint.general.design", "decline.hint.budget.other");
        assertThat(advice(null, "a corporate website", false, false)).containsExactly("decline.hint.general.website");
        assertThat(advice("OTHER", "перевод инструкции", true, false)).containsExactly("decline.hint.general.other", "decline.hint.budget.other");
        assertThat(advice("OTHER", "новый сайт для клиники", false, false)).containsExactly("decline.hint.general.website");
    }

    private List<String> advice(String kind, String text, boolean budget, boolean deadline) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("kindOfWork", kind);
        facts.put("projectText", text);
        facts.put("budgetTooLow", budget);
        facts.put("deadlineTooShort", deadline);
        return decisions.evaluateDecisionByKey("decline-advice").variables(facts).evaluate().collectEntries("adviceKey");
    }

    private Map<String, Object> outcome(Map<String, Object> changes) {
        Map<String, Object> facts = clean();
        facts.putAll(changes);
        return decisions.evaluateDecisionByKey("screening").variables(facts).evaluate().getSingleEntry();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> markerRows(Map<String, Object> outcome) {
        return (List<Map<String, Object>>) outcome.get("markers");
    }

    private List<String> markers(Map<String, Object> changes) {
        return markerRows(outcome(changes)).stream().map(row -> (String) row.get("marker")).toList();
    }

    private String verdict(Map<String, Object> changes) {
        return (String) outcome(changes).get("verdict");
    }
}

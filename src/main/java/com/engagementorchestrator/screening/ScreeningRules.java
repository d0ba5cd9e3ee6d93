package com.engagementorchestrator.screening;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Evaluates the analysts' screening tables (processes/screening-rules.dmn): screening-markers collects the fired
 * markers with their weights, screening-verdict turns the score into ACCEPT, REVIEW or DECLINE. The newest deployed
 * version is used, so a table deployed from the Modeler takes effect at once.
 */
@Component
class ScreeningRules {

    static final String MARKERS_DECISION = "screening-markers";
    static final String VERDICT_DECISION = "screening-verdict";

    private final DecisionService decisions;

    ScreeningRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    RuleOutcome evaluate(ScreeningFacts facts) {
        DmnDecisionResult fired = decisions.evaluateDecisionByKey(MARKERS_DECISION)
                .variables(facts.toDecisionVariables()).evaluate();
        // Several rules may flag the same marker (from the intake and from the call): it counts once, at its highest weight.
        Map<String, Marker> strongest = new LinkedHashMap<>();
        for (Map<String, Object> row : fired.getResultList()) {
            Marker marker = new Marker((String) row.get("marker"), ((Number) row.get("weight")).intValue(),
                    (String) row.get("reason"));
            strongest.merge(marker.id(), marker, (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        List<Marker> markers = strongest.values().stream().sorted(Comparator.comparing(Marker::id)).toList();
        int score = markers.stream().mapToInt(Marker::weight).sum();
        String verdict = decisions.evaluateDecisionByKey(VERDICT_DECISION)
                .variables(Map.of("score", score)).evaluate().getSingleEntry();
        return new RuleOutcome(markers, score, Verdict.valueOf(verdict));
    }
}

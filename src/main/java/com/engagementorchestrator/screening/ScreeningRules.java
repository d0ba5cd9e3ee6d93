package com.engagementorchestrator.screening;

import com.engagementorchestrator.common.ProvisionalDecisions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Evaluates the analysts' screening rules (processes/screening-rules.dmn): one small table per marker, joined in a
 * decision requirements diagram whose top decision, "screening", gives the fired markers, the score, the verdict and
 * whether to hold an intro call (the "intro-call" table, required by "screening"). One evaluation per screening: the
 * engine evaluates each required decision once, in dependency order. The newest deployed version is used, so rules
 * deployed from the Modeler take effect at once.
 */
@Component
class ScreeningRules {

    static final String SCREENING_DECISION = "screening";

    private final DecisionService decisions;

    ScreeningRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * An evaluation a later one supersedes (the intake screening, before the company check): the same answer, but no
     * decision history ({@link ProvisionalDecisions}); the scoring and the intro-call review keep theirs.
     */
    RuleOutcome evaluateProvisionally(ScreeningFacts facts) {
        return ProvisionalDecisions.evaluate(() -> evaluate(facts));
    }

    @SuppressWarnings("unchecked")
    RuleOutcome evaluate(ScreeningFacts facts) {
        Map<String, Object> outcome = decisions.evaluateDecisionByKey(SCREENING_DECISION)
                .variables(facts.toDecisionVariables()).evaluate().getSingleEntry();
        List<Marker> markers = ((List<Map<String, Object>>) outcome.get("markers")).stream()
                .map(row -> new Marker((String) row.get("marker"), (String) row.get("signal"),
                        ((Number) row.get("weight")).intValue(), (String) row.get("reason")))
                .sorted(Comparator.comparing(Marker::id).thenComparing(Marker::signal))
                .toList();
        // No answer from an edited intro-call table: call rather than accept a client nobody has talked to.
        boolean introCall = !Boolean.FALSE.equals(outcome.get("introCall"));
        return new RuleOutcome(markers, ((Number) outcome.get("score")).intValue(),
                Verdict.valueOf((String) outcome.get("verdict")), introCall);
    }
}

package com.engagementorchestrator.screening;

import com.engagementorchestrator.engagement.Engagement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** Which paragraphs of advice a decline letter carries: processes/decline-advice.dmn, from the reason and the work. */
@Component
class DeclineAdvice {

    static final String DECISION = "decline-advice";

    private final DecisionService decisions;

    DeclineAdvice(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Message keys of the paragraphs, in order. */
    List<String> paragraphs(Engagement engagement, List<Marker> markers) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("kindOfWork", engagement.getKindOfWork() == null ? null : engagement.getKindOfWork().name());
        facts.put("projectText", (text(engagement.getProjectGoal()) + "\n" + text(engagement.getProjectDescription())).toLowerCase());
        facts.put("budgetTooLow", markers.stream().anyMatch(m -> "marker-f2-budget".equals(m.signal())));
        facts.put("deadlineTooShort", markers.stream().anyMatch(m -> "marker-f2-deadline".equals(m.signal())));
        return decisions.evaluateDecisionByKey(DECISION).variables(facts).evaluate().collectEntries("adviceKey");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

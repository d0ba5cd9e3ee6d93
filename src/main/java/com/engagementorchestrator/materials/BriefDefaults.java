package com.engagementorchestrator.materials;

import com.engagementorchestrator.engagement.KindOfWork;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The default checklist per kind of work, from the analysts' table processes/brief-defaults.dmn. */
@Component
class BriefDefaults {

    static final String DECISION = "brief-defaults";

    record DraftItem(BriefItem.Kind kind, String title, int dueInDays) {
    }

    private final DecisionService decisions;

    BriefDefaults(DecisionService decisions) {
        this.decisions = decisions;
    }

    List<DraftItem> forKind(KindOfWork kind) {
        return decisions.evaluateDecisionByKey(DECISION).variables(Map.of("kindOfWork", kind.name())).evaluate()
                .getResultList().stream()
                .map(row -> new DraftItem(BriefItem.Kind.valueOf((String) row.get("itemKind")), (String) row.get("title"),
                        ((Number) row.get("dueInDays")).intValue()))
                .toList();
    }
}

package com.engagementorchestrator.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.springframework.stereotype.Component;

/**
 * Decision evaluations whose answer is provisional, superseded by a later evaluation that decides, write no decision
 * history ({@code ACT_HI_DECINST}, {@code _DEC_IN}, {@code _DEC_OUT}); every other history event, and every decision
 * evaluated outside {@link #evaluate}, is written as before. The intake screening is such an evaluation: it only shows
 * the markers while the company check is pending, and the scoring evaluates the whole diagram again with the company
 * facts and keeps its full history (as does the intro-call review), so the evidence of what decided stays complete.
 * Issue 13: the intake screening's 17 decision instances (one per table of the diagram) were a third of the decision
 * history rows of an engagement.
 */
@Component
public class ProvisionalDecisions extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Boolean> PROVISIONAL = ThreadLocal.withInitial(() -> false);

    /** Runs the evaluation on this thread without writing its decision history. */
    public static <T> T evaluate(Supplier<T> evaluation) {
        boolean outer = PROVISIONAL.get();
        PROVISIONAL.set(true);
        try {
            return evaluation.get();
        } finally {
            PROVISIONAL.set(outer);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new HistoryWithout(configuration.getHistoryEventHandler(),
                event -> event instanceof HistoricDecisionEvaluationEvent && PROVISIONAL.get()));
    }
}

package com.engagementorchestrator.common;

import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history handler (the database and any custom ones) minus the events {@code skipped} picks: what a
 * history level cannot express, such as one kind of evaluation or one kind of variable ({@link ProvisionalDecisions},
 * {@link ShownVariables}).
 */
record HistoryWithout(HistoryEventHandler delegate, Predicate<HistoryEvent> skipped) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!skipped.test(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events.stream().filter(skipped.negate()).toList());
    }
}

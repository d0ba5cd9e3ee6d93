package com.engagementorchestrator.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;

/**
 * The queue learns of suspensions from the engine's history: at every history level that writes it the engine starts
 * (the onboarding benchmark compares at {@code activity}); at {@code none} it refuses, with what to set, instead of
 * showing a queue that no longer follows suspensions.
 */
class ModerationQueueEntriesTest {

    @Test
    void startsAtEveryHistoryLevelThatRecordsSuspensions() {
        for (HistoryLevel level : new HistoryLevel[] {HistoryLevel.HISTORY_LEVEL_ACTIVITY, HistoryLevel.HISTORY_LEVEL_AUDIT,
                HistoryLevel.HISTORY_LEVEL_FULL}) {
            ProcessEngineConfigurationImpl configuration = configuration(level);
            HistoryEventHandler engines = configuration.getHistoryEventHandler();
            new ModerationQueueEntries(null).postInit(configuration);
            assertThat(configuration.getHistoryEventHandler()).as(level.getName()).isNotSameAs(engines);
        }
    }

    @Test
    void refusesTheHistoryLevelNoneWithWhatToSet() {
        assertThatThrownBy(() -> new ModerationQueueEntries(null).postInit(configuration(HistoryLevel.HISTORY_LEVEL_NONE)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("history level none")
                .hasMessageContaining("camunda.bpm.history-level");
    }

    private static ProcessEngineConfigurationImpl configuration(HistoryLevel level) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setHistoryLevel(level);
        configuration.setHistoryEventHandler(new DbHistoryEventHandler());
        return configuration;
    }
}

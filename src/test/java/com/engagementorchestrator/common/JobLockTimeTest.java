package com.engagementorchestrator.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, item 7d: the jobs of a node killed with -9 stay locked for the job executor's lock time; ours fits our
 * longest job (the registry check, 7 s at most) instead of the engine's 5 minutes.
 */
@IntegrationTest
class JobLockTimeTest {

    @Autowired ProcessEngine engine;

    @Test
    void aDeadNodesJobsAreFreeAgainWithinAMinute() {
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(Duration.ofMillis(jobExecutor.getLockTimeInMillis())).isEqualTo(Duration.ofMinutes(1));
    }
}

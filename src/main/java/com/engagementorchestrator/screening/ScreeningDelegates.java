package com.engagementorchestrator.screening;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.INTRO_CALL_NEEDED;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.SCREENING_VERDICT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.JobAttempts;
import com.engagementorchestrator.engagement.EngagementProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of the screening steps of processes/engagement.bpmn: read the id, call the service, write the verdict. */
@Configuration(proxyBeanMethods = false)
class ScreeningDelegates {

    @Bean
    JavaDelegate screenIntake(ScreeningService screening) {
        return execution -> screening.screenIntake(engagementId(execution));
    }

    /** Retried with backoff while the registry is down; after the last attempt a moderator checks by hand. */
    @Bean
    JavaDelegate checkCompanyRegistry(ScreeningService screening) {
        return execution -> {
            long engagementId = engagementId(execution);
            try {
                screening.checkCompanyInRegistry(engagementId);
            } catch (CompanyRegistryUnavailableException e) {
                if (!e.isPermanent() && !JobAttempts.isLastAttempt()) {
                    throw e;
                }
                throw new BpmnError(EngagementProcess.COMPANY_REGISTRY_UNAVAILABLE_ERROR, e.getMessage());
            }
        };
    }

    @Bean
    JavaDelegate scoreScreening(ScreeningService screening) {
        return execution -> {
            ScreeningService.Scored scored = screening.score(engagementId(execution));
            SCREENING_VERDICT.set(execution, scored.verdict().name());
            INTRO_CALL_NEEDED.set(execution, scored.introCallNeeded());
        };
    }

    @Bean
    JavaDelegate declineEngagement(ScreeningService screening) {
        return execution -> screening.decline(engagementId(execution));
    }
}

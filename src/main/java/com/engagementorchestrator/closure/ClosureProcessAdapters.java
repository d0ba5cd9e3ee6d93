package com.engagementorchestrator.closure;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapter of the last step of processes/engagement.bpmn. */
@Configuration(proxyBeanMethods = false)
class ClosureProcessAdapters {

    @Bean
    JavaDelegate completeEngagement(CompletionService completion) {
        return execution -> completion.complete(engagementId(execution));
    }
}

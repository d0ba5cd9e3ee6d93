package com.engagementorchestrator.engagement;

import com.engagementorchestrator.common.DueDates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engagement model's due dates, for whoever moves deadlines without knowing the features (breach/ProcessPauses). */
@Configuration(proxyBeanMethods = false)
class EngagementDueDates {

    @Bean
    DueDates engagementModelDueDates() {
        return new DueDates(EngagementProcess.KEY, EngagementProcess.Variables.DUE_DATES);
    }
}

package com.engagementorchestrator;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableProcessApplication("engagement-orchestrator")
@ConfigurationPropertiesScan
@EnableScheduling
public class EngagementOrchestratorApplication {

    static {
        // Tasklist submits a file as Base64 inside JSON: a 25 MB material is ~34 million characters, above Jackson's
        // default limit of 20 million. Set before any JSON factory of the engine REST API exists.
        com.fasterxml.jackson.core.StreamReadConstraints.overrideDefaultStreamReadConstraints(
                com.fasterxml.jackson.core.StreamReadConstraints.builder().maxStringLength(40_000_000).build());
    }

    public static void main(String[] args) {
        SpringApplication.run(EngagementOrchestratorApplication.class, args);
    }
}

package com.engagementorchestrator.apidocs;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The short address of the API's documentation: /api/docs opens springdoc's Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocsPage implements WebMvcConfigurer {

    static final String UI = "/api/docs/swagger-ui/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/api/docs", UI);
        registry.addRedirectViewController("/api/docs/", UI);
    }
}

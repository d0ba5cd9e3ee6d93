package com.engagementorchestrator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to go. */
@Component
class StartupInfo {

    private static final Logger LOG = LoggerFactory.getLogger(StartupInfo.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + web.getWebServer().getPort();
        boolean demo = env.getProperty("engagement.demo-data.enabled", Boolean.class, false);
        LOG.info("""

                ==============================================================
                 Engagement Orchestrator is ready
                 Tasklist:      {}/camunda/app/tasklist/
                 Cockpit:       {}/camunda/app/cockpit/
                 Registration:  {}/register
                 Client portal: {}/portal
                 REST API:      {}/api  and  {}/engine-rest
                 {}
                ==============================================================""",
                base, base, base, base, base, base,
                demo ? "Demo users (password = user id): moderator, analyst, freelancer, demo (admin)"
                        : "Log in with the admin user from ADMIN_USER / ADMIN_PASSWORD");
    }
}

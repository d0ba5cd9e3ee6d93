package com.engagementorchestrator.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The user Prometheus scrapes /actuator/prometheus with ({@code engagement.monitoring.scrape-user} and
 * {@code scrape-password}; none when empty): a member of {@link AccessGroups#MONITORING} only, which has no grant in
 * the engine and may read nothing else. Its password follows the configuration on every start.
 */
@Component
public class ScrapeUser {

    private static final Logger LOG = LoggerFactory.getLogger(ScrapeUser.class);

    private final IdentityService identity;
    private final String userId;
    private final String password;

    public ScrapeUser(IdentityService identity, @Value("${engagement.monitoring.scrape-user:}") String userId,
                      @Value("${engagement.monitoring.scrape-password:}") String password) {
        this.identity = identity;
        this.userId = userId.trim();
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void create() {
        if (userId.isEmpty()) {
            return;
        }
        if (password.isBlank()) {
            LOG.warn("engagement.monitoring.scrape-user {} has no scrape-password: not created", userId);
            return;
        }
        try {
            if (identity.createGroupQuery().groupId(AccessGroups.MONITORING).count() == 0) {
                Group group = identity.newGroup(AccessGroups.MONITORING);
                group.setName("Monitoring (metrics scrape)");
                group.setType("SYSTEM");
                identity.saveGroup(group);
            }
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                user = identity.newUser(userId);
                user.setFirstName("Metrics");
                user.setLastName("Scrape");
            }
            // Set on every start (a wrong-password check would count as a failed log-in and delay the next scrape).
            user.setPassword(password);
            identity.saveUser(user);
            if (identity.createUserQuery().userId(userId).memberOfGroup(AccessGroups.MONITORING).count() == 0) {
                identity.createMembership(userId, AccessGroups.MONITORING);
            }
        } catch (RuntimeException e) {
            // Another node starting at the same moment created it first.
            LOG.warn("Scrape user {} not set up on this node: {}", userId, e.toString());
        }
    }
}

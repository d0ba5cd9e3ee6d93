package com.engagementorchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo users of the default (embedded) run; user id = password. Never enabled in the postgres profile. */
@Component
@ConditionalOnProperty(name = "engagement.demo-data.enabled", havingValue = "true")
public class DemoUsers {

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("moderator", "Maria", "Moderator", AccessGroups.MODERATORS),
            new DemoUser("analyst", "Anton", "Analyst", AccessGroups.ANALYSTS),
            new DemoUser("freelancer", "Fiona", "Freelancer", AccessGroups.FREELANCERS));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void create() {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@engagement-orchestrator.local");
                user.setPassword(demo.id());
                identity.saveUser(user);
                identity.createMembership(demo.id(), demo.group());
            }
        }
    }
}

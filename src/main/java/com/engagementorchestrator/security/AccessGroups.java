package com.engagementorchestrator.security;

/** The Camunda groups of DOMAIN.md's people; a user's groups decide what they may do in the engine and in /api. */
public final class AccessGroups {

    public static final String MODERATORS = "moderators";
    public static final String ANALYSTS = "analysts";
    public static final String FREELANCERS = "freelancers";
    public static final String CLIENTS = "clients";
    /** May read /actuator/prometheus and nothing else: the scrape user of {@code engagement.monitoring.scrape-user}. */
    public static final String MONITORING = "monitoring";
    /** Created by the Camunda starter for the configured admin user. */
    public static final String ADMINS = "camunda-admin";

    private AccessGroups() {
    }
}

package com.engagementorchestrator.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, their engine authorizations and the Tasklist filters on every start, idempotently, so a fresh
 * database is secure before anyone logs in. Clients work in the client portal, not in Tasklist: they get no webapp
 * and no filter (grants an older version gave them are revoked on start), and no global task read. The portal
 * completes their tasks through the engine as them, with the TASK_WORK authorization the engine grants a task's
 * assignee (defaultUserPermissionNameForTask) and read access to the models their tasks belong to.
 */
@Component
public class EngineAccessSetup {

    static final String MY_TASKS_FILTER = "My tasks";
    static final String MODERATION_FILTER = "Moderation queue";
    static final String BLOCKED_CLIENTS_FILTER = "Blocked clients";
    static final String FREELANCER_FILTER = "Freelancer queue";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public EngineAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                             TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void setUp() {
        group(AccessGroups.MODERATORS, "Moderators");
        group(AccessGroups.ANALYSTS, "Analysts");
        group(AccessGroups.FREELANCERS, "Freelancers");
        group(AccessGroups.CLIENTS, "Clients");

        grant(AccessGroups.MODERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(AccessGroups.MODERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(AccessGroups.MODERATORS, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(AccessGroups.MODERATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
        grant(AccessGroups.MODERATORS, Resources.TASK, ANY, Permissions.ALL);
        grant(AccessGroups.MODERATORS, Resources.HISTORIC_TASK, ANY, Permissions.ALL);
        grant(AccessGroups.MODERATORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, Permissions.ALL);
        grant(AccessGroups.MODERATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(AccessGroups.MODERATORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(AccessGroups.MODERATORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(AccessGroups.MODERATORS, Resources.USER, ANY, Permissions.READ);
        grant(AccessGroups.MODERATORS, Resources.GROUP, ANY, Permissions.READ);

        grant(AccessGroups.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // No DELETE: deleting a deployment cascades to every running engagement of its models.
        grant(AccessGroups.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(AccessGroups.ANALYSTS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(AccessGroups.ANALYSTS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(AccessGroups.ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant(AccessGroups.ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);

        grant(AccessGroups.FREELANCERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        revoke(AccessGroups.CLIENTS, Resources.APPLICATION, "tasklist");
        // The models only, never another client's instances or variables: the portal submits a client's task as the
        // client, and completing it reads the model (without this the submissions answer 403, see PortalApiTest).
        List<String> clientModels = new java.util.ArrayList<>(List.of("engagement", "client-block", "await-obligation",
                "reminder-ladder", "protocol-signing"));
        // The client's and freelancer's tasks of an engagement are in the phases it calls.
        clientModels.addAll(com.engagementorchestrator.engagement.EngagementProcess.PHASES);
        // Every invoice is paid in collect-payment's pay task, whichever phase or review called it.
        clientModels.add(com.engagementorchestrator.deposit.CollectPaymentProcess.KEY);
        for (String process : clientModels) {
            grant(AccessGroups.CLIENTS, Resources.PROCESS_DEFINITION, process, Permissions.READ);
            grant(AccessGroups.FREELANCERS, Resources.PROCESS_DEFINITION, process, Permissions.READ);
        }
        // The client reviews each work result in the delivery-review process (submitting its form reads the model).
        grant(AccessGroups.CLIENTS, Resources.PROCESS_DEFINITION, "delivery-review", Permissions.READ);
        // Freelancers write the progress reports; clients only get them as letters.
        grant(AccessGroups.FREELANCERS, Resources.PROCESS_DEFINITION, "progress-reports", Permissions.READ);

        Filter myTasks = filter(MY_TASKS_FILTER, -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), "Tasks assigned to me");
        Filter moderation = filter(MODERATION_FILTER, 0,
                tasks.createTaskQuery().taskCandidateGroup(AccessGroups.MODERATORS).includeAssignedTasks(),
                "Screening, company checks and document checks waiting for a moderator");
        Filter blocked = filter(BLOCKED_CLIENTS_FILTER, 5,
                tasks.createTaskQuery().processDefinitionKey("client-block").taskCandidateGroup(AccessGroups.MODERATORS)
                        .includeAssignedTasks(),
                "Clients blocked after a breach: review, ask for evidence, lift or terminate");
        grant(AccessGroups.MODERATORS, Resources.FILTER, blocked.getId(), Permissions.READ);
        Filter freelancerQueue = filter(FREELANCER_FILTER, 1,
                tasks.createTaskQuery().taskCandidateGroup(AccessGroups.FREELANCERS).includeAssignedTasks(),
                "Protocols to sign and what we agreed to deliver");
        grant(AccessGroups.FREELANCERS, Resources.FILTER, freelancerQueue.getId(), Permissions.READ);
        for (String group : List.of(AccessGroups.MODERATORS, AccessGroups.FREELANCERS)) {
            grant(group, Resources.FILTER, myTasks.getId(), Permissions.READ);
        }
        revoke(AccessGroups.CLIENTS, Resources.FILTER, myTasks.getId());
        grant(AccessGroups.MODERATORS, Resources.FILTER, moderation.getId(), Permissions.READ);
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        // Exactly these permissions, so a database set up by an older, more generous version is narrowed on start.
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }

    /** Takes back a grant an older version gave; nothing to do when there is none. */
    private void revoke(String groupId, Resource resource, String resourceId) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null) {
            authorizations.deleteAuthorization(existing.getId());
        }
    }

    private Filter filter(String name, int priority, TaskQuery query, String description) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filter.setQuery(query);
        return filters.saveFilter(filter);
    }
}

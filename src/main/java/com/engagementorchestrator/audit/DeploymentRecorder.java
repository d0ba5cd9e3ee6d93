package com.engagementorchestrator.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code model_deployment_audit} row per process and decision definition of a new deployment, on the
 * deployment's own connection (so in its transaction): who deployed (the engine's authenticated user; "system" for
 * the application's own deployment at start), when, which version, and for a decision its rule-level
 * {@link DecisionDiff} against the previous version of the same key.
 */
class DeploymentRecorder implements Deployer {

    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentRecorder.class);
    private static final String INSERT = "insert into model_deployment_audit (kind, definition_key, definition_name, "
            + "version, definition_id, previous_version, deployment_id, deployment_name, resource_name, deployed_by, "
            + "deployed_at, changed, diff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void deploy(DeploymentEntity deployment) {
        // Deployments already in the database are only re-read into the cache.
        if (!deployment.isNew()) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        String user = context.getAuthenticatedUserId() == null ? SYSTEM : context.getAuthenticatedUserId();
        OffsetDateTime at = OffsetDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), ZoneOffset.UTC);
        try {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ProcessDefinition process : orEmpty(deployment.getDeployedProcessDefinitions())) {
                    Record record = process(context, deployment, (ProcessDefinitionEntity) process);
                    bind(insert, "PROCESS", process.getKey(), process.getName(), process.getVersion(), process.getId(),
                            record, deployment, process.getResourceName(), user, at);
                }
                for (DecisionDefinition decision : orEmpty(deployment.getDeployedDecisionDefinitions())) {
                    Record record = decision(context, deployment, (DecisionDefinitionEntity) decision);
                    bind(insert, "DECISION", decision.getKey(), decision.getName(), decision.getVersion(),
                            decision.getId(), record, deployment, decision.getResourceName(), user, at);
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            // Without its record the deployment is not kept: the engine rolls it back.
            throw new ProcessEngineException("The deployment could not be recorded in the audit of rule changes", e);
        }
    }

    /** The engine answers null, not an empty list, for a deployment without definitions of a kind. */
    private static <T> java.util.List<T> orEmpty(java.util.List<T> definitions) {
        return definitions == null ? java.util.List.of() : definitions;
    }

    private record Record(Integer previousVersion, Boolean changed, String diff) {
    }

    /** A process: whether its resource differs from the previous version's (no element-level diff). */
    private static Record process(CommandContext context, DeploymentEntity deployment, ProcessDefinitionEntity process) {
        var definitions = context.getProcessDefinitionManager();
        String previousId = definitions.findPreviousProcessDefinitionId(process.getKey(), process.getVersion(),
                process.getTenantId());
        if (previousId == null) {
            return new Record(null, null, null);
        }
        ProcessDefinitionEntity previous = definitions.findLatestDefinitionById(previousId);
        byte[] before = bytes(context, previous.getDeploymentId(), previous.getResourceName());
        byte[] after = resource(deployment, process.getResourceName());
        return new Record(previous.getVersion(), before == null || !Arrays.equals(before, after), null);
    }

    private Record decision(CommandContext context, DeploymentEntity deployment, DecisionDefinitionEntity decision) {
        var definitions = context.getDecisionDefinitionManager();
        String previousId = definitions.findPreviousDecisionDefinitionId(decision.getKey(), decision.getVersion(),
                decision.getTenantId());
        if (previousId == null) {
            return new Record(null, null, null);
        }
        DecisionDefinitionEntity previous = definitions.findDecisionDefinitionById(previousId);
        byte[] before = bytes(context, previous.getDeploymentId(), previous.getResourceName());
        byte[] after = resource(deployment, decision.getResourceName());
        try {
            DecisionDiff.Result diff = DecisionDiff.between(decision.getKey(), before, after);
            return new Record(previous.getVersion(), diff.changed(), json.writeValueAsString(diff));
        } catch (RuntimeException | JsonProcessingException e) {
            // The new table parsed for the engine; an old one that no longer reads is recorded as changed, without diff.
            LOG.warn("No rule diff for decision {} version {}: {}", decision.getKey(), decision.getVersion(), e.getMessage());
            return new Record(previous.getVersion(), true, null);
        }
    }

    private static byte[] bytes(CommandContext context, String deploymentId, String resourceName) {
        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId,
                resourceName);
        return resource == null ? null : resource.getBytes();
    }

    private static byte[] resource(DeploymentEntity deployment, String name) {
        ResourceEntity resource = deployment.getResource(name);
        return resource == null ? new byte[0] : resource.getBytes();
    }

    private static void bind(PreparedStatement insert, String kind, String key, String name, int version, String id,
                             Record record, DeploymentEntity deployment, String resourceName, String user,
                             OffsetDateTime at) throws SQLException {
        insert.setString(1, kind);
        insert.setString(2, key);
        insert.setString(3, name);
        insert.setInt(4, version);
        insert.setString(5, id);
        if (record.previousVersion() == null) {
            insert.setNull(6, Types.INTEGER);
        } else {
            insert.setInt(6, record.previousVersion());
        }
        insert.setString(7, deployment.getId());
        insert.setString(8, deployment.getName());
        insert.setString(9, resourceName);
        insert.setString(10, user);
        insert.setObject(11, at);
        if (record.changed() == null) {
            insert.setNull(12, Types.BOOLEAN);
        } else {
            insert.setBoolean(12, record.changed());
        }
        insert.setString(13, record.diff());
        insert.addBatch();
    }
}

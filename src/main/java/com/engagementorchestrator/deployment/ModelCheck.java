package com.engagementorchestrator.deployment;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before the engine's own deployers on every new deployment (REST, Cockpit, the application's own at start):
 * anything that would run code on the server or in a user's browser is refused, with the reasons, and nothing of the
 * deployment is kept.
 */
class ModelCheck implements Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCheck.class);

    private final ExpressionPolicy expressions;
    private final DmnCheck decisions;
    private final Set<String> shippedHtml;
    private final ObjectMapper json = new ObjectMapper();

    ModelCheck(ExpressionPolicy expressions, DmnCheck decisions, Set<String> shippedHtml) {
        this.expressions = expressions;
        this.decisions = decisions;
        this.shippedHtml = shippedHtml;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // Deployments already in the database are re-read into the cache, not deployed.
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<ResourceReport> refused = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<Finding> findings = check(resource.getName(), resource.getBytes() == null ? new byte[0] : resource.getBytes());
            if (!findings.isEmpty()) {
                refused.add(new ResourceReportImpl(resource.getName(), new ArrayList<>(findings), List.of()));
            }
        }
        if (!refused.isEmpty()) {
            ModelRefusedException refusal = new ModelRefusedException(refused);
            LOG.warn("Deployment '{}' by {} refused: {}", deployment.getName(), currentUser(), refusal.getMessage());
            throw refusal;
        }
    }

    List<Finding> check(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return BpmnCheck.check(content, expressions);
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return decisions.check(content);
        }
        if (lower.endsWith(".form")) {
            try {
                json.readTree(content);
                return List.of();
            } catch (java.io.IOException e) {
                return List.of(new Finding("a Camunda form must be JSON: " + e.getMessage(), 0, 0, null));
            }
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            // Embedded forms run their scripts in the Tasklist of whoever opens the task: only the application's own.
            return shippedHtml.contains(sha256(content)) ? List.of()
                    : List.of(new Finding("HTML forms run in the browser of whoever opens the task; only the "
                    + "application's own forms can be deployed, and this one is not one of them", 0, 0, null));
        }
        return List.of(new Finding("only BPMN, DMN, Camunda Forms (.form) and the application's own HTML forms can be "
                + "deployed", 0, 0, null));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentUser() {
        var context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        String user = context == null ? null : context.getAuthenticatedUserId();
        return user == null ? "the application" : user;
    }
}

package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protocols through their process (processes/protocol-signing.bpmn), for callers of the API: recording starts the
 * signing, a signature or an objection completes the signer's task as that user, a revision replaces the version
 * being signed. Tasklist users do the same through the tasks themselves.
 */
@Service
@Transactional
public class ProtocolWorkflow {

    private final ProtocolService protocols;
    private final EngagementLifecycle lifecycle;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    public ProtocolWorkflow(ProtocolService protocols, EngagementLifecycle lifecycle, RuntimeService runtime,
                            TaskService tasks, IdentityService identity) {
        this.protocols = protocols;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    public Protocol open(long engagementId, ProtocolContent content, String moderator) {
        Protocol protocol = protocols.record(engagementId, content, moderator);
        Engagement e = lifecycle.get(engagementId);
        runtime.startProcessInstanceByKey(ProtocolProcess.KEY, protocol.getNumber(), ProcessVariable.values()
                .with(ProtocolProcess.Variables.PROTOCOL_ID, protocol.getId())
                .with(ProtocolProcess.Variables.ENGAGEMENT_ID, engagementId)
                .with(ProtocolProcess.Variables.CLIENT_USER_ID, e.getClient().getUserId()));
        return protocol;
    }

    /** Signs or objects as the given user, through that user's task; the engine checks they may work on it. */
    public void decide(long protocolId, ProtocolAgreement.Party role, String userId, List<String> groups, String decision,
                       String reason) {
        Protocol protocol = protocols.get(protocolId);
        if (protocol.getStatus() != Protocol.Status.SIGNING) {
            throw new ConflictException("Protocol " + protocol.getNumber() + " v" + protocol.getVersion() + " is "
                    + protocol.getStatus() + " and takes no signature");
        }
        String taskKey = role == ProtocolAgreement.Party.CLIENT ? ProtocolProcess.Elements.SIGN_AS_CLIENT
                : ProtocolProcess.Elements.SIGN_AS_FREELANCER;
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(protocol.getNumber()).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new ConflictException("Protocol " + protocol.getNumber() + " v" + protocol.getVersion()
                    + " awaits no signature from the " + role.name().toLowerCase() + " now");
        }
        identity.setAuthentication(userId, groups);
        try {
            tasks.complete(task.getId(), reason == null
                    ? ProcessVariable.values().with(ProtocolProcess.Variables.DECISION, decision)
                    : ProcessVariable.values().with(ProtocolProcess.Variables.DECISION, decision)
                            .with(ProtocolProcess.Variables.OBJECTION_REASON, reason));
        } catch (ProcessEngineException e) {
            throw unwrap(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A moderator's revision: at the revision task it completes it; during signing the new version replaces the old. */
    public Protocol revise(long protocolId, ProtocolContent content, String moderator) {
        Protocol revised = protocols.revise(protocolId, content, moderator);
        Task revision = tasks.createTaskQuery().processInstanceBusinessKey(revised.getNumber())
                .taskDefinitionKey(ProtocolProcess.Elements.REVISE_PROTOCOL).singleResult();
        if (revision != null) {
            tasks.complete(revision.getId(), ProcessVariable.values().with(ProtocolProcess.Variables.PROTOCOL_ID, revised.getId())
                    .with(ProtocolProcess.Variables.REVISED_THROUGH_API, true));
        } else {
            // Also for a change in place: the signing tasks are created again and show the new text.
            runtime.createMessageCorrelation(ProtocolProcess.REVISED_MESSAGE).processInstanceBusinessKey(revised.getNumber())
                    .setVariables(ProcessVariable.values().with(ProtocolProcess.Variables.PROTOCOL_ID, revised.getId())).correlateAll();
        }
        return revised;
    }

    /** Errors of our listeners reach the caller as they were thrown, not wrapped by the engine. */
    private static RuntimeException unwrap(ProcessEngineException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof com.engagementorchestrator.common.InvalidInputException
                    || cause instanceof ConflictException) {
                return (RuntimeException) cause;
            }
            cause = cause.getCause();
        }
        return e;
    }
}

package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.DueDates;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.RequestOrigin;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of processes/protocol-signing.bpmn. */
@Configuration(proxyBeanMethods = false)
class ProtocolProcessAdapters {

    @Bean
    DueDates protocolDueDates() {
        return new DueDates(ProtocolProcess.KEY, ProtocolProcess.Variables.DUE_DATES);
    }

    /** Started from the API the protocol exists; started from Tasklist the start form holds it. */
    @Bean
    JavaDelegate recordProtocol(ProtocolService protocols, EngagementLifecycle lifecycle) {
        return execution -> {
            if (ProtocolProcess.Variables.PROTOCOL_ID.get(execution) != null) {
                return;
            }
            String number = ProtocolProcess.Variables.ENGAGEMENT_NUMBER.get(execution);
            var engagement = lifecycle.findByNumber(number == null ? "" : number.trim())
                    .orElseThrow(() -> new InvalidInputException(ProtocolProcess.Variables.ENGAGEMENT_NUMBER.name(), "no engagement " + number));
            Protocol protocol = protocols.record(engagement.getId(),
                    ProtocolForms.parse(name -> text(execution, name)), execution.getProcessEngineServices()
                            .getIdentityService().getCurrentAuthentication() == null ? "moderator"
                            : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId());
            ProtocolProcess.Variables.PROTOCOL_ID.set(execution, protocol.getId());
            ProtocolProcess.Variables.ENGAGEMENT_ID.set(execution, engagement.getId());
            ProtocolProcess.Variables.CLIENT_USER_ID.set(execution, engagement.getClient().getUserId());
            execution.setProcessBusinessKey(protocol.getNumber());
        };
    }

    /** In the Engagement ended event sub-process: a version still open for signatures never comes into force. */
    @Bean
    JavaDelegate closeUnsignedProtocol(ProtocolService protocols) {
        return execution -> protocols.closeUnsigned(protocolId(execution));
    }

    @Bean
    JavaDelegate startSigningRound(ProtocolService protocols,
                                   @org.springframework.beans.factory.annotation.Value("${engagement.protocols.sign-within:P3D}") java.time.Duration within) {
        return execution -> ProtocolProcess.Variables.DUE_AT.set(execution,
                java.util.Date.from(protocols.askToSign(protocolId(execution), within)));
    }

    /** After a lifted block the client gets a new date to sign: a new promise. */
    @Bean
    JavaDelegate renewProtocolDueDate(ProtocolService protocols, com.engagementorchestrator.engagement.BlockingProperties blocking) {
        return execution -> ProtocolProcess.Variables.DUE_AT.set(execution,
                java.util.Date.from(protocols.askToSign(protocolId(execution), blocking.graceAfterLift())));
    }

    @Bean
    TaskListener showProtocol(ProtocolService protocols, com.engagementorchestrator.engagement.ClientLetters words,
                              com.engagementorchestrator.engagement.EngagementLifecycle engagements) {
        return task -> {
            Protocol protocol = protocols.get(protocolId(task));
            // the client reads the protocol in their language (portal), the freelancer in English (Tasklist)
            String locale = ProtocolProcess.Elements.SIGN_AS_CLIENT.equals(task.getTaskDefinitionKey())
                    ? engagements.get(protocol.getEngagementId()).getClient().getLocale() : "en";
            task.setVariablesLocal(ProcessVariable.values()
                    .with(ProtocolProcess.Variables.PROTOCOL_TEXT, ProtocolForms.text(protocol,
                            (key, arguments) -> words.fragment(key, locale, arguments == null ? new Object[0] : arguments)))
                    .with(ProtocolProcess.Variables.PROTOCOL_SHA256, protocol.getContentSha256()));
        };
    }

    @Bean
    TaskListener recordClientSignature(ProtocolService protocols) {
        return task -> decide(protocols, task, ProtocolAgreement.Party.CLIENT);
    }

    @Bean
    TaskListener recordFreelancerSignature(ProtocolService protocols) {
        return task -> decide(protocols, task, ProtocolAgreement.Party.FREELANCER);
    }

    /** Prefilled on the execution: a submitted field is stored there and must replace the prefill. */
    @Bean
    TaskListener showProtocolForRevision(ProtocolService protocols) {
        return task -> {
            Protocol protocol = protocols.get(protocolId(task));
            task.getExecution().setVariables(ProtocolForms.fields(protocol.content()));
            ProtocolProcess.Variables.OBJECTIONS.set(task, protocols.objectionsTo(protocol.getId()).stream()
                    .map(o -> o.getRole() + " (" + o.getUserId() + "): " + o.getReason()).reduce((a, b) -> a + "\n" + b).orElse(""));
        };
    }

    @Bean
    TaskListener reviseProtocol(ProtocolService protocols) {
        return task -> {
            if (Boolean.TRUE.equals(ProtocolProcess.Variables.REVISED_THROUGH_API.get(task))) {
                TaskForms.consume(task, ProtocolProcess.Variables.REVISED_THROUGH_API);
                return;
            }
            Protocol revised = protocols.revise(protocolId(task), ProtocolForms.parse(name -> TaskForms.text(task, name)),
                    TaskForms.actor(task));
            ProtocolProcess.Variables.PROTOCOL_ID.set(task, revised.getId());
        };
    }

    /** What the client owes becomes promises; what we owe becomes one task each for the freelancers. */
    @Bean
    JavaDelegate finalizeProtocol(ProtocolService protocols) {
        return execution -> ProtocolProcess.Variables.FREELANCER_AGREEMENTS.set(execution,
                new ArrayList<>(protocols.finalizeSigned(protocolId(execution))));
    }

    @Bean
    TaskListener showAgreement(ProtocolService protocols) {
        return task -> {
            ProtocolAgreement agreement = protocols.agreement(agreementId(task));
            task.setDescription(agreement.getWhat() + " (by " + agreement.getDueDate() + ")");
        };
    }

    private static void decide(ProtocolService protocols, DelegateTask task, ProtocolAgreement.Party role) {
        String decision = TaskForms.text(task, ProtocolProcess.Variables.DECISION);
        long protocolId = protocolId(task);
        TaskForms.requireOwnEngagement(task, protocols.get(protocolId).getEngagementId(), "protocol");
        if ("SIGN".equals(decision)) {
            RequestOrigin.Origin origin = RequestOrigin.current();
            protocols.sign(protocolId, role, TaskForms.actor(task), origin.ipAddress(), origin.userAgent());
        } else if ("OBJECT".equals(decision)) {
            protocols.object(protocolId, role, TaskForms.actor(task), TaskForms.text(task, ProtocolProcess.Variables.OBJECTION_REASON));
        } else {
            throw new InvalidInputException(ProtocolProcess.Variables.DECISION.name(), "choose SIGN or OBJECT");
        }
        TaskForms.consume(task, ProtocolProcess.Variables.OBJECTION_REASON);
    }

    private static String text(VariableScope scope, String name) {
        String value = ProtocolProcess.Variables.protocolField(name).get(scope);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static long protocolId(VariableScope scope) {
        return ProtocolProcess.Variables.PROTOCOL_ID.required(scope);
    }

    static long agreementId(VariableScope scope) {
        return ProtocolProcess.Variables.AGREEMENT_ID.required(scope);
    }
}

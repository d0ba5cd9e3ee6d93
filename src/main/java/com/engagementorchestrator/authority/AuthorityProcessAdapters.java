package com.engagementorchestrator.authority;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_ATTEMPTS_LEFT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DECISION;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DOCUMENT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.TaskForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of the signing-authority steps of processes/engagement.bpmn. */
@Configuration(proxyBeanMethods = false)
class AuthorityProcessAdapters {

    @Bean
    JavaDelegate requestSigningAuthority(AuthorityService authority) {
        return execution -> authority.requestDocument(engagementId(execution));
    }

    @Bean
    JavaDelegate sendAuthorityReminder(AuthorityService authority) {
        return execution -> authority.remind(engagementId(execution));
    }

    @Bean
    JavaDelegate expireEngagement(AuthorityService authority) {
        return execution -> authority.expire(engagementId(execution));
    }

    @Bean
    JavaDelegate confirmSigningAuthority(AuthorityService authority) {
        return execution -> authority.confirm(engagementId(execution));
    }

    @Bean
    JavaDelegate askForNewAuthorityDocument(AuthorityService authority) {
        return execution -> authority.askForNewDocument(engagementId(execution));
    }

    @Bean
    JavaDelegate refuseUnprovenAuthority(AuthorityService authority) {
        return execution -> authority.refuse(engagementId(execution));
    }

    /** Moves the uploaded file from the process variable into the domain table; the engine keeps no copy. */
    @Bean
    TaskListener recordAuthorityUpload(AuthorityService authority) {
        return task -> {
            FileValue file = task.getVariableTyped(AUTHORITY_DOCUMENT);
            if (file == null || file.getValue() == null) {
                throw new InvalidInputException(AuthorityService.FIELD, "choose a PDF, JPEG or PNG file to upload");
            }
            authority.upload(engagementId(task), TaskForms.actor(task), file.getFilename(), readAll(file.getValue()));
            task.removeVariable(AUTHORITY_DOCUMENT);
        };
    }

    @Bean
    TaskListener showAuthorityDocument(AuthorityService authority) {
        return task -> {
            AuthorityDocument latest = authority.latest(engagementId(task));
            task.setVariablesLocal(Map.of(
                    "authorityDocumentName", latest.getFileName(),
                    "authorityDocumentType", latest.getContentType(),
                    "authorityDocumentAttempt", latest.getAttempt(),
                    "authorityDocumentUrl", "/api/engagements/" + task.getExecution().getProcessBusinessKey()
                            + "/authority-documents/" + latest.getId()));
        };
    }

    @Bean
    TaskListener recordAuthorityDecision(AuthorityService authority) {
        return task -> {
            AuthorityDocument.Decision decision = TaskForms.choice(task, AUTHORITY_DECISION, AuthorityDocument.Decision.class);
            int attemptsLeft = authority.decide(engagementId(task), TaskForms.actor(task), decision,
                    TaskForms.text(task, "authorityRejectionReason"));
            task.getExecution().setVariable(AUTHORITY_DECISION, decision.name());
            task.getExecution().setVariable(AUTHORITY_ATTEMPTS_LEFT, attemptsLeft);
        };
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

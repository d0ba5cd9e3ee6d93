package com.engagementorchestrator.authority;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_ATTEMPTS_LEFT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DECISION;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DOCUMENT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DUE_AT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.BlockingProperties;
import java.util.Date;
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
        return execution -> execution.setVariable(AUTHORITY_DUE_AT, Date.from(authority.requestDocument(engagementId(execution))));
    }

    @Bean
    JavaDelegate renewAuthorityDueDate(AuthorityService authority, BlockingProperties blocking) {
        return execution -> execution.setVariable(AUTHORITY_DUE_AT,
                Date.from(authority.renewDueDate(engagementId(execution), blocking.graceAfterLift())));
    }

    @Bean
    JavaDelegate confirmSigningAuthority(AuthorityService authority) {
        return execution -> authority.confirm(engagementId(execution));
    }

    @Bean
    JavaDelegate askForNewAuthorityDocument(AuthorityService authority) {
        return execution -> execution.setVariable(AUTHORITY_DUE_AT, Date.from(authority.askForNewDocument(engagementId(execution))));
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
            authority.upload(engagementId(task), TaskForms.actor(task), file.getFilename(), UploadedFiles.readAll(file.getValue()));
            task.removeVariable(AUTHORITY_DOCUMENT);
        };
    }

    @Bean
    TaskListener showAuthorityDocument(AuthorityService authority) {
        return task -> {
            AuthorityDocument latest = authority.latest(engagementId(task));
            task.setVariablesLocal(Map.of(
                    "authorityDocumentName", latest.getFile().getFileName(),
                    "authorityDocumentType", latest.getFile().getContentType(),
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
}

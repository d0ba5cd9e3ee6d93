package com.engagementorchestrator.authority;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_ATTEMPTS_LEFT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DECISION;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DOCUMENT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.AUTHORITY_DUE_AT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.engagement.EngagementProcess.Variables;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.BlockingProperties;
import java.util.Date;
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
        return execution -> AUTHORITY_DUE_AT.set(execution, Date.from(authority.requestDocument(engagementId(execution))));
    }

    @Bean
    JavaDelegate renewAuthorityDueDate(AuthorityService authority, BlockingProperties blocking) {
        return execution -> AUTHORITY_DUE_AT.set(execution,
                Date.from(authority.renewDueDate(engagementId(execution), blocking.graceAfterLift())));
    }

    @Bean
    JavaDelegate confirmSigningAuthority(AuthorityService authority) {
        return execution -> authority.confirm(engagementId(execution));
    }

    @Bean
    JavaDelegate askForNewAuthorityDocument(AuthorityService authority) {
        return execution -> AUTHORITY_DUE_AT.set(execution, Date.from(authority.askForNewDocument(engagementId(execution))));
    }

    @Bean
    JavaDelegate refuseUnprovenAuthority(AuthorityService authority) {
        return execution -> authority.refuse(engagementId(execution));
    }

    /** Moves the uploaded file from the process variable into the domain table; the engine keeps no copy. */
    @Bean
    TaskListener recordAuthorityUpload(AuthorityService authority) {
        return task -> {
            FileValue file = AUTHORITY_DOCUMENT.get(task);
            if (file == null || file.getValue() == null) {
                throw new InvalidInputException(AuthorityService.FIELD, "choose a PDF, JPEG or PNG file to upload");
            }
            authority.upload(engagementId(task), TaskForms.actor(task), file.getFilename(), UploadedFiles.readAll(file.getValue()));
            AUTHORITY_DOCUMENT.remove(task);
        };
    }

    @Bean
    TaskListener showAuthorityDocument(AuthorityService authority) {
        return task -> {
            AuthorityDocument latest = authority.latest(engagementId(task));
            task.setVariablesLocal(ProcessVariable.values()
                    .with(Variables.AUTHORITY_DOCUMENT_NAME, latest.getFile().getFileName())
                    .with(Variables.AUTHORITY_DOCUMENT_TYPE, latest.getFile().getContentType())
                    .with(Variables.AUTHORITY_DOCUMENT_ATTEMPT, latest.getAttempt())
                    .with(Variables.AUTHORITY_DOCUMENT_URL, "/api/engagements/" + task.getExecution().getProcessBusinessKey()
                            + "/authority-documents/" + latest.getId()));
        };
    }

    @Bean
    TaskListener recordAuthorityDecision(AuthorityService authority) {
        return task -> {
            AuthorityDocument.Decision decision = TaskForms.choice(task, AUTHORITY_DECISION, AuthorityDocument.Decision.class);
            int attemptsLeft = authority.decide(engagementId(task), TaskForms.actor(task), decision,
                    TaskForms.text(task, Variables.AUTHORITY_REJECTION_REASON));
            AUTHORITY_DECISION.set(task, decision.name());
            AUTHORITY_ATTEMPTS_LEFT.set(task, attemptsLeft);
        };
    }
}

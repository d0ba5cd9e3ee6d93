package com.engagementorchestrator.forms;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission that carries what its form does not offer. A form validation error in the engine's terms, so the
 * engine REST API and Tasklist's API answer 400 with this message (Tasklist shows it on the form), and nothing of the
 * submission is written.
 */
public class SubmissionRefusedException extends FormFieldValidationException {

    public SubmissionRefusedException(String message) {
        super("submission", message);
    }
}

package com.engagementorchestrator.breach;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.ProcessVariables;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.EngagementProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of the breach steps of processes/engagement.bpmn and of processes/client-block.bpmn. */
@Configuration(proxyBeanMethods = false)
class BreachProcessAdapters {

    /**
     * Input parameters breachKind, obligation and dueAt name what was broken. Sets {@code breachRecorded}: false when
     * the obligation was met by now after all, and the process goes on as if it had been met in time.
     */
    @Bean
    JavaDelegate reportBreach(BreachService breaches) {
        return execution -> {
            Object dueAt = execution.getVariableLocal(EngagementProcess.Variables.DUE_AT);
            boolean recorded = breaches.report(engagementId(execution), topLevelInstanceId(execution),
                    (String) execution.getVariableLocal(EngagementProcess.Variables.BREACH_KIND),
                    (String) execution.getVariableLocal(EngagementProcess.Variables.OBLIGATION),
                    dueAt instanceof Date date ? date.toInstant() : null).isPresent();
            execution.setVariable(BREACH_RECORDED, recorded);
        };
    }

    static final String BREACH_RECORDED = AwaitObligationProcess.Variables.BREACH_RECORDED;

    /**
     * The breaching process is the top-level instance the report runs under (the engagement, a protocol), not the
     * await-obligation instance it called: that one is what pauses and resumes with the block.
     */
    static String topLevelInstanceId(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getId();
    }

    @Bean
    JavaDelegate terminateEngagement(Terminations terminations) {
        return execution -> terminations.close(engagementId(execution));
    }

    @Bean
    TaskListener showBlockSummary(BlockService blocks) {
        return task -> task.setVariableLocal("blockSummary", blocks.summary(blockId(task)));
    }

    @Bean
    TaskListener recordBlockDecision(BlockService blocks) {
        return task -> {
            BlockProcess.Decision decision = blocks.decide(
                    TaskForms.choice(task, BlockProcess.Variables.BLOCK_DECISION, BlockProcess.Decision.class),
                    TaskForms.text(task, BlockProcess.Variables.EVIDENCE_REQUEST),
                    TaskForms.text(task, BlockProcess.Variables.DECISION_NOTES));
            task.getExecution().setVariable(BlockProcess.Variables.BLOCK_DECISION, decision.name());
            task.getExecution().setVariable(BlockProcess.Variables.DECIDED_BY, TaskForms.actor(task));
        };
    }

    @Bean
    JavaDelegate requestBlockEvidence(BlockService blocks) {
        return execution -> blocks.requestEvidence(blockId(execution),
                (String) execution.getVariable(BlockProcess.Variables.EVIDENCE_REQUEST));
    }

    /** Moves the client's file into the domain table; the engine keeps no copy. */
    @Bean
    TaskListener recordBlockEvidence(BlockService blocks) {
        return task -> {
            FileValue file = task.getVariableTyped(BlockProcess.Variables.EVIDENCE_FILE);
            boolean hasFile = file != null && file.getValue() != null;
            blocks.recordEvidence(blockId(task), TaskForms.actor(task), TaskForms.text(task, BlockProcess.Variables.EVIDENCE_NOTE),
                    hasFile ? file.getFilename() : null, hasFile ? UploadedFiles.readAll(file.getValue()) : null);
            TaskForms.consume(task, BlockProcess.Variables.EVIDENCE_FILE, BlockProcess.Variables.EVIDENCE_NOTE);
        };
    }

    @Bean
    JavaDelegate liftBlock(BlockService blocks) {
        return execution -> blocks.lift(blockId(execution), decidedBy(execution), notes(execution));
    }

    @Bean
    JavaDelegate terminateBlockedEngagements(BlockService blocks) {
        return execution -> blocks.terminate(blockId(execution), decidedBy(execution), notes(execution));
    }

    static long blockId(VariableScope scope) {
        return ProcessVariables.requiredLong(scope, BlockProcess.Variables.BLOCK_ID);
    }

    private static String decidedBy(DelegateExecution execution) {
        return (String) execution.getVariable(BlockProcess.Variables.DECIDED_BY);
    }

    private static String notes(DelegateExecution execution) {
        Object notes = execution.getVariable(BlockProcess.Variables.DECISION_NOTES);
        return notes == null || notes.toString().isBlank() ? null : notes.toString().trim();
    }
}

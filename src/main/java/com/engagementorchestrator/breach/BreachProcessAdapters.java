package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.DueDates;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.UploadedFiles;
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

    @Bean
    DueDates awaitObligationDueDates() {
        return new DueDates(AwaitObligationProcess.KEY, AwaitObligationProcess.Variables.DUE_DATES);
    }

    /**
     * Input parameters breachKind, obligation and dueAt name what was broken. Sets {@code breachRecorded}: false when
     * the obligation was met by now after all, and the process goes on as if it had been met in time.
     */
    @Bean
    JavaDelegate reportBreach(BreachService breaches) {
        return execution -> {
            // Its own input parameters: found first, before the instance's variables of the same names.
            Date dueAt = AwaitObligationProcess.Variables.DUE_AT.get(execution);
            boolean recorded = breaches.report(engagementId(execution), topLevelInstanceId(execution),
                    AwaitObligationProcess.Variables.BREACH_KIND.get(execution),
                    AwaitObligationProcess.Variables.OBLIGATION.get(execution),
                    dueAt == null ? null : dueAt.toInstant()).isPresent();
            AwaitObligationProcess.Variables.BREACH_RECORDED.set(execution, recorded);
        };
    }

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
        return task -> BlockProcess.Variables.BLOCK_SUMMARY.set(task, blocks.summary(blockId(task)));
    }

    @Bean
    TaskListener recordBlockDecision(BlockService blocks) {
        return task -> {
            BlockProcess.Decision decision = blocks.decide(
                    TaskForms.choice(task, BlockProcess.Variables.BLOCK_DECISION, BlockProcess.Decision.class),
                    TaskForms.text(task, BlockProcess.Variables.EVIDENCE_REQUEST),
                    TaskForms.text(task, BlockProcess.Variables.DECISION_NOTES));
            BlockProcess.Variables.BLOCK_DECISION.set(task, decision.name());
            BlockProcess.Variables.DECIDED_BY.set(task, TaskForms.actor(task));
        };
    }

    @Bean
    JavaDelegate requestBlockEvidence(BlockService blocks) {
        return execution -> blocks.requestEvidence(blockId(execution),
                BlockProcess.Variables.EVIDENCE_REQUEST.get(execution));
    }

    /** Moves the client's file into the domain table; the engine keeps no copy. */
    @Bean
    TaskListener recordBlockEvidence(BlockService blocks) {
        return task -> {
            FileValue file = BlockProcess.Variables.EVIDENCE_FILE.get(task);
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
        return BlockProcess.Variables.BLOCK_ID.required(scope);
    }

    private static String decidedBy(DelegateExecution execution) {
        return BlockProcess.Variables.DECIDED_BY.get(execution);
    }

    private static String notes(DelegateExecution execution) {
        String notes = BlockProcess.Variables.DECISION_NOTES.get(execution);
        return notes == null || notes.isBlank() ? null : notes.trim();
    }
}

package com.engagementorchestrator.ending;

import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;

import com.engagementorchestrator.common.ProcessVariable;

import com.engagementorchestrator.promise.PromiseLedger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an engagement leaves behind when it ends, however it ends (completed, terminated, declined): nothing stays open
 * (issue 11, item 4). Every process that runs beside the engagement's own (a protocol, a delivery in review, a client's
 * reply) models its own end in an event sub-process on the {@value #MESSAGE} message, which ends its tasks and the
 * reminder ladders it called; the reason is kept on the instance as {@link #REASON}. Every open promise is
 * closed with the same reason, so the record and the completion summary account for all of them.
 */
@Service
@Transactional
public class EngagementEnding {

    /** The message every process running beside an engagement takes as its end (see its EngagementEndedEventSubProcess). */
    public static final String MESSAGE = "EngagementEnded";
    /** Why the process ended, kept on the ended instance for Cockpit and the history. */
    public static final ProcessVariable<String> REASON = ProcessVariable.stringVariable("endedBecause", PROCESS);
    /** Every process that runs beside an engagement carries the engagement's id under this name. */
    public static final ProcessVariable<Long> ENGAGEMENT_ID = ProcessVariable.longVariable("engagementId", PROCESS);

    private static final Logger LOG = LoggerFactory.getLogger(EngagementEnding.class);

    private final RuntimeService runtime;
    private final PromiseLedger promises;

    public EngagementEnding(RuntimeService runtime, PromiseLedger promises) {
        this.runtime = runtime;
        this.promises = promises;
    }

    /**
     * Ends every other process of the engagement and closes its open promises. A suspended process (its client is
     * blocked) cannot take a message; the block's decision ends those (breach/PausedEngagementResumer).
     */
    public void endAllOf(long engagementId, String reason) {
        for (ProcessInstance process : runtime.createProcessInstanceQuery().variableValueEquals(ENGAGEMENT_ID.name(), engagementId)
                .unlimitedList()) {
            if (!process.getId().equals(process.getRootProcessInstanceId())) {
                continue; // a called ladder ends with the process that called it
            }
            if (process.isSuspended()) {
                LOG.info("Process {} of engagement {} is suspended; the block's decision ends it", process.getId(), engagementId);
                continue;
            }
            runtime.createMessageCorrelation(MESSAGE).processInstanceId(process.getId())
                    .setVariables(ProcessVariable.values().with(REASON, reason)).correlateAllWithResult();
        }
        promises.closeOpen(engagementId, reason);
    }
}

package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.AfterRelease;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementResumed;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumes (or ends) the processes a decided block had suspended, one transaction each, after the decision commits.
 * The engine applies activation as a bulk update at the end of a command, so the timers and tasks it touches can only
 * be moved by later commands: here every engine call is a command of its own. A failure leaves the engagement
 * suspended and marked unresumed, and the sweep retries it with the same paused time (pausedAt to the decision).
 */
@Component
class PausedEngagementResumer {

    private static final Logger LOG = LoggerFactory.getLogger(PausedEngagementResumer.class);

    private final ClientBlocks blocks;
    private final PausedProcesses processes;
    private final ProcessPauses pauses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Terminations terminations;
    private final com.engagementorchestrator.engagement.BlockingProperties blocking;
    private final com.engagementorchestrator.promise.PromiseLedger promises;

    PausedEngagementResumer(ClientBlocks blocks, PausedProcesses processes, ProcessPauses pauses, ApplicationEventPublisher events,
                            Terminations terminations, com.engagementorchestrator.engagement.BlockingProperties blocking,
                            com.engagementorchestrator.promise.PromiseLedger promises,
                            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.blocking = blocking;
        this.promises = promises;
        this.terminations = terminations;
        this.blocks = blocks;
        this.processes = processes;
        this.pauses = pauses;
        this.events = events;
        // One transaction at a time, each opened only when the thread holds none (see AfterRelease): never nested.
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Resumes the block's processes once the decision has committed and its connection is back in the pool. */
    void afterCommit(long blockId) {
        AfterRelease.afterCommit("Resuming the processes of block " + blockId, () -> resumeAll(blockId));
    }

    @Scheduled(fixedDelayString = "${engagement.blocking.resume-sweep-ms:60000}", initialDelay = 60000)
    void sweep() {
        List<Long> decided = transactions.execute(status -> processes.findDecidedBlocksWithUnresumedProcesses());
        if (decided != null) {
            decided.forEach(this::resumeAll);
        }
    }

    void resumeAll(long blockId) {
        AfterRelease.requireNoTransaction("Resuming the processes of block " + blockId);
        List<PausedProcess> pending = transactions.execute(status -> processes.findByBlockIdOrderByPausedAtAsc(blockId)
                .stream().filter(p -> p.getResumedAt() == null).toList());
        for (PausedProcess p : pending == null ? List.<PausedProcess>of() : pending) {
            try {
                transactions.executeWithoutResult(status -> resumeOne(blockId, p.getProcessInstanceId()));
            } catch (RuntimeException e) {
                LOG.warn("Process {} of block {} not resumed now, the sweep retries: {}", p.getProcessInstanceId(), blockId, e.toString());
            }
        }
    }

    private void resumeOne(long blockId, String processInstanceId) {
        ClientBlock block = blocks.findById(blockId).orElseThrow();
        PausedProcess p = processes.findById(new PausedProcess.Key(blockId, processInstanceId)).orElseThrow();
        if (p.getResumedAt() != null) {
            return;
        }
        boolean running = pauses.isRunning(processInstanceId);
        boolean ownProcess = EngagementProcess.KEY.equals(p.getProcessKey());
        Duration pausedFor = Duration.between(p.getPausedAt(), block.getEndedAt());
        if (block.getStatus() == ClientBlock.Status.LIFTED) {
            if (running) {
                // Every paused obligation gets at least the grace period after the lift, not only the breached one.
                Duration shift = pauses.shiftOnResume(processInstanceId, pausedFor, block.getEndedAt(), blocking.graceAfterLift());
                if (ownProcess && shift.compareTo(pausedFor) > 0) {
                    // The open promises moved by the paused time at the lift; they move with the extra grace too.
                    promises.postpone(List.of(p.getEngagementId()), shift.minus(pausedFor));
                }
                pausedFor = shift;
                pauses.resume(processInstanceId, pausedFor);
            }
            if (ownProcess) {
                events.publishEvent(new EngagementResumed(p.getEngagementId(), pausedFor, false));
            }
        } else if (running) {
            pauses.activate(processInstanceId);
            if (ownProcess) {
                pauses.correlate(processInstanceId, EngagementProcess.Messages.ENGAGEMENT_TERMINATED);
            } else {
                pauses.end(processInstanceId, Terminations.REASON);
            }
        } else if (ownProcess) {
            terminations.close(p.getEngagementId());
        }
        p.resumed();
    }
}

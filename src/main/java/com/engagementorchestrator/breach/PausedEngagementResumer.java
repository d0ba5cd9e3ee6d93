package com.engagementorchestrator.breach;

import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementResumed;
import com.engagementorchestrator.promise.PromiseLedger;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumes (or ends) the engagements a decided block had suspended, one transaction each, after the decision commits.
 * The engine applies activation as a bulk update at the end of a command, so the timers and tasks it touches can only
 * be moved by later commands: here every engine call is a command of its own. A failure leaves the engagement
 * suspended and marked unresumed, and the sweep retries it with the same paused time (pausedAt to the decision).
 */
@Component
class PausedEngagementResumer {

    private static final Logger LOG = LoggerFactory.getLogger(PausedEngagementResumer.class);

    private final ClientBlocks blocks;
    private final PausedEngagements paused;
    private final EngagementLifecycle lifecycle;
    private final PromiseLedger promises;
    private final ProcessPauses pauses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Terminations terminations;

    PausedEngagementResumer(ClientBlocks blocks, PausedEngagements paused, EngagementLifecycle lifecycle,
                            PromiseLedger promises, ProcessPauses pauses, ApplicationEventPublisher events,
                            Terminations terminations, org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.terminations = terminations;
        this.blocks = blocks;
        this.paused = paused;
        this.lifecycle = lifecycle;
        this.promises = promises;
        this.pauses = pauses;
        this.events = events;
        // Runs after the caller's commit: a new transaction, or the work would join the finished one and never commit.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void afterCommit(long blockId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                resumeAll(blockId);
            }
        });
    }

    @Scheduled(fixedDelayString = "${engagement.blocking.resume-sweep-ms:60000}", initialDelay = 60000)
    void sweep() {
        List<Long> decided = transactions.execute(status -> paused.findDecidedBlocksWithUnresumedEngagements());
        if (decided != null) {
            decided.forEach(this::resumeAll);
        }
    }

    void resumeAll(long blockId) {
        List<PausedEngagement> pending = transactions.execute(status -> paused.findByBlockIdOrderByEngagementIdAsc(blockId)
                .stream().filter(p -> p.getResumedAt() == null).toList());
        for (PausedEngagement p : pending == null ? List.<PausedEngagement>of() : pending) {
            try {
                transactions.executeWithoutResult(status -> resumeOne(blockId, p.getEngagementId()));
            } catch (RuntimeException e) {
                LOG.warn("Engagement {} of block {} not resumed now, the sweep retries: {}", p.getEngagementId(), blockId, e.toString());
            }
        }
    }

    private void resumeOne(long blockId, long engagementId) {
        ClientBlock block = blocks.findById(blockId).orElseThrow();
        PausedEngagement p = paused.findById(new PausedEngagement.Key(blockId, engagementId)).orElseThrow();
        if (p.getResumedAt() != null) {
            return;
        }
        Engagement e = lifecycle.get(engagementId);
        boolean running = pauses.isRunning(e.getProcessInstanceId());
        Duration pausedFor = Duration.between(p.getPausedAt(), block.getEndedAt());
        e.resume();
        if (block.getStatus() == ClientBlock.Status.LIFTED) {
            if (running) {
                pauses.resume(e.getProcessInstanceId(), pausedFor);
            }
            promises.postpone(List.of(engagementId), pausedFor);
            events.publishEvent(new EngagementResumed(engagementId, pausedFor, false));
        } else if (running) {
            pauses.activate(e.getProcessInstanceId());
            pauses.correlate(e.getProcessInstanceId(), EngagementProcess.Messages.ENGAGEMENT_TERMINATED);
        } else {
            terminations.close(engagementId);
        }
        p.resumed();
    }
}

package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.reminder.ReminderService;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client broke an obligation (DOMAIN.md step 8): the breach is recorded, the client is blocked, every running
 * engagement of theirs is paused, the client is told why and how the block can be lifted, and a moderator reviews it.
 */
@Service
@Transactional
public class BreachService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BreachService.class);

    private final Breaches breaches;
    private final ClientBlocks blocks;
    private final PausedEngagements paused;
    private final PausedProcesses pausedProcesses;
    private final Engagements engagements;
    private final EngagementLifecycle lifecycle;
    private final PromiseLedger promises;
    private final ProcessPauses pauses;
    private final RuntimeService runtime;
    private final ClientLetters letters;
    private final ReminderService reminders;
    private final BreachMetrics metrics;

    /** The language of the record moderators read (breaches, block reasons, the Review block summary). */
    static final String RECORD_LANGUAGE = "en";

    public BreachService(Breaches breaches, ClientBlocks blocks, PausedEngagements paused, PausedProcesses pausedProcesses,
                         Engagements engagements,
                         EngagementLifecycle lifecycle, PromiseLedger promises, ProcessPauses pauses, RuntimeService runtime,
                         ClientLetters letters, ReminderService reminders, BreachMetrics metrics) {
        this.metrics = metrics;
        this.reminders = reminders;
        this.breaches = breaches;
        this.blocks = blocks;
        this.paused = paused;
        this.pausedProcesses = pausedProcesses;
        this.engagements = engagements;
        this.lifecycle = lifecycle;
        this.promises = promises;
        this.pauses = pauses;
        this.runtime = runtime;
        this.letters = letters;
    }

    /**
     * Records the breach of an engagement whose process reached the deadline, and blocks the client. The breached
     * engagement waits in its process for the block to be lifted; every other running one is suspended. What was due
     * is kept on the record in the moderators' language ({@link #RECORD_LANGUAGE}); the client's notice says it in
     * the client's own language.
     *
     * <p>The obligation is checked against the domain first (issue 10, item 4): one paid, uploaded or signed by now,
     * even a moment after the deadline's timer was taken, is no breach; nothing is recorded and the answer is empty.
     */
    public Optional<Breach> report(long engagementId, String breachingProcessInstanceId, String kind, String obligation,
                                   Instant dueAt) {
        if (!reminders.stillUnmet(engagementId, obligation)) {
            LOG.info("No breach {} in engagement {}: the obligation {} is met by now", kind, engagementId, obligation);
            return Optional.empty();
        }
        Engagement breached = lifecycle.get(engagementId);
        var client = breached.getClient();
        String whatWasDue = reminders.describe(engagementId, obligation, RECORD_LANGUAGE);
        promises.breakOverdue(engagementId);
        Breach breach = breaches.save(new Breach(client.getId(), engagementId, kind, whatWasDue, dueAt));
        var existing = blocks.findFirstByClientIdAndStatusInOrderByIdDesc(client.getId(), EnumSet.of(ClientBlock.Status.UNDER_REVIEW));
        ClientBlock block = existing.orElseGet(() -> blocks.save(new ClientBlock(client.getId(),
                kind + " in " + breached.getNumber() + ": " + whatWasDue)));
        breach.blockedBy(block.getId());
        metrics.breached(kind);
        if (existing.isEmpty()) {
            metrics.blockPlaced();
        }
        for (Engagement e : engagements.findByClientAndStatus(client.getId(), EnumSet.of(EngagementStatus.ACTIVE))) {
            for (ProcessPauses.EngagementProcessInstance process : pauses.processesOf(e.getId())) {
                boolean breaching = process.id().equals(breachingProcessInstanceId);
                if (!breaching) {
                    pauses.suspend(process.id());
                }
                pausedProcesses.save(new PausedProcess(block.getId(), process.id(), e.getId(), process.processKey(), breaching));
            }
            e.pause();
            paused.save(new PausedEngagement(block.getId(), e.getId(), e.getId() == engagementId));
        }
        if (existing.isEmpty()) {
            String processInstanceId = runtime.startProcessInstanceByKey(BlockProcess.KEY, "BLOCK-" + block.getId(),
                    ProcessVariable.values().with(BlockProcess.Variables.BLOCK_ID, block.getId())
                            .with(BlockProcess.Variables.CLIENT_USER_ID, client.getUserId())).getId();
            block.attachProcessInstance(processInstanceId);
        }
        letters.write(breached, "block.notice", "block-notice/" + breach.getId(),
                reminders.describe(engagementId, obligation, client.getLocale()), dueAt == null ? "-" : Time.isoDueDate(dueAt),
                letters.fragment("evidence." + obligation, client.getLocale()));
        return Optional.of(breach);
    }

    @Transactional(readOnly = true)
    public List<Breach> ofClient(long clientId) {
        return breaches.findByClientIdOrderByIdAsc(clientId);
    }

    @Transactional(readOnly = true)
    public List<Breach> ofEngagement(long engagementId) {
        return breaches.findByEngagementIdOrderByIdAsc(engagementId);
    }
}

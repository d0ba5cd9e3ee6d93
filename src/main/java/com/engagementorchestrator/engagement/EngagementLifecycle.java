package com.engagementorchestrator.engagement;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.Time;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts engagement processes and moves engagements through their phases and final states. Every phase change goes
 * through here, so the time spent in each phase is recorded here (the moderators' statistics and a metric). Phases
 * come from the model ({@link ModelPhasesPlugin}); closing is done by the use cases that end an engagement.
 */
@Service
@Transactional
public class EngagementLifecycle {

    private final Engagements engagements;
    private final RuntimeService runtime;
    private final PhasePeriods periods;
    private final PhaseMetrics metrics;

    public EngagementLifecycle(Engagements engagements, RuntimeService runtime, PhasePeriods periods, PhaseMetrics metrics) {
        this.engagements = engagements;
        this.runtime = runtime;
        this.periods = periods;
        this.metrics = metrics;
    }

    public void start(Engagement engagement) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(EngagementProcess.KEY, engagement.getNumber(),
                ProcessVariable.values().with(EngagementProcess.Variables.ENGAGEMENT_ID, engagement.getId())
                        .with(EngagementProcess.Variables.CLIENT_USER_ID, engagement.getClient().getUserId()));
        engagement.attachProcessInstance(instance.getId());
        periods.save(new PhasePeriod(engagement.getId(), engagement.getPhase(), engagement.getCreatedAt()));
    }

    /**
     * The one place the phase changes while an engagement runs; only the model sets it, through
     * {@link ModelPhasesPlugin} (an element carrying the {@code phase} property has started). Entering the phase the
     * engagement is in changes nothing (a wait entered again after a block was lifted or a document refused).
     */
    public void enterPhase(long engagementId, EngagementPhase phase) {
        Engagement engagement = get(engagementId);
        if (engagement.getPhase() == phase) {
            return;
        }
        engagement.enterPhase(phase);
        leavePhase(engagement);
        periods.save(new PhasePeriod(engagementId, phase, Time.now()));
    }

    public Engagement close(long engagementId, EngagementStatus status, String reason) {
        Engagement engagement = get(engagementId);
        if (engagement.getPhase() != EngagementPhase.CLOSED) {
            leavePhase(engagement);
        }
        engagement.close(status, reason);
        return engagement;
    }

    /** The end of a good engagement, with its summary kept. */
    public Engagement complete(Engagement engagement, String summary) {
        leavePhase(engagement);
        engagement.complete(summary);
        return engagement;
    }

    /** Engagements that were running before phases were recorded (V20) have no open period: nothing to measure. */
    private void leavePhase(Engagement engagement) {
        periods.findFirstByEngagementIdAndLeftAtIsNullOrderByIdDesc(engagement.getId())
                .ifPresent(period -> metrics.left(period.getPhase(), period.leave(Time.now())));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Engagement> findByNumber(String number) {
        return engagements.findByNumber(number);
    }

    @Transactional(readOnly = true)
    public Engagement get(long engagementId) {
        return engagements.findById(engagementId)
                .orElseThrow(() -> new NotFoundException("No engagement with id " + engagementId));
    }
}

package com.engagementorchestrator.engagement;

import com.engagementorchestrator.common.NotFoundException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts engagement processes and moves engagements through their phases and final states. */
@Service
@Transactional
public class EngagementLifecycle {

    private final Engagements engagements;
    private final RuntimeService runtime;

    public EngagementLifecycle(Engagements engagements, RuntimeService runtime) {
        this.engagements = engagements;
        this.runtime = runtime;
    }

    public void start(Engagement engagement) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(EngagementProcess.KEY, engagement.getNumber(), Map.of(
                EngagementProcess.Variables.ENGAGEMENT_ID, engagement.getId(),
                EngagementProcess.Variables.CLIENT_USER_ID, engagement.getClient().getUserId()));
        engagement.attachProcessInstance(instance.getId());
    }

    public Engagement enterPhase(long engagementId, EngagementPhase phase) {
        Engagement engagement = get(engagementId);
        engagement.enterPhase(phase);
        return engagement;
    }

    public Engagement close(long engagementId, EngagementStatus status, String reason) {
        Engagement engagement = get(engagementId);
        engagement.close(status, reason);
        return engagement;
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

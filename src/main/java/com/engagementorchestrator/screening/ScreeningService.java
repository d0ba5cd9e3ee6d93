package com.engagementorchestrator.screening;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.correspondence.Correspondent;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.promise.PromiseLedger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Screening of a new engagement against the red-flag markers of DOMAIN.md. */
@Service
@Transactional
public class ScreeningService {

    private final Screenings screenings;
    private final Engagements engagements;
    private final EngagementLifecycle lifecycle;
    private final ScreeningRules rules;
    private final CompanyRegistry registry;
    private final Correspondent correspondent;
    private final ObjectMapper json;
    private final PromiseLedger promises;
    private final ScreeningProperties properties;
    private final EarlierEngagements earlier;
    private final DeclineAdvice advice;
    private final ScreeningMetrics metrics;

    private final com.engagementorchestrator.ending.EngagementEnding ending;

    ScreeningService(Screenings screenings, Engagements engagements, EngagementLifecycle lifecycle,
                     ScreeningRules rules, CompanyRegistry registry, Correspondent correspondent, ObjectMapper json,
                     PromiseLedger promises, ScreeningProperties properties, EarlierEngagements earlier,
                     DeclineAdvice advice, com.engagementorchestrator.ending.EngagementEnding ending,
                     ScreeningMetrics metrics) {
        this.ending = ending;
        this.metrics = metrics;
        this.promises = promises;
        this.properties = properties;
        this.earlier = earlier;
        this.advice = advice;
        this.screenings = screenings;
        this.engagements = engagements;
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.registry = registry;
        this.correspondent = correspondent;
        this.json = json;
    }

    /**
     * Evaluates every marker the intake already tells, so they show while the company check is pending. Its decision
     * history is not written: {@link #score} evaluates again once the company check added its facts, and that is the
     * evaluation that decides.
     */
    public RuleOutcome screenIntake(long engagementId) {
        Screening screening = screenings.findById(engagementId).orElseGet(() -> screenings.save(new Screening(engagementId)));
        // Provisional: the scoring evaluates again with the company facts and keeps the decision history.
        RuleOutcome outcome = rules.evaluateProvisionally(facts(engagementId, screening, null));
        screening.applyRules(outcome);
        return outcome;
    }

    /**
     * @throws CompanyRegistryUnavailableException when the registry cannot answer (now or for this company); it does
     * not roll back the job's transaction, so the process can route the engagement to a moderator instead
     */
    @Transactional(noRollbackFor = CompanyRegistryUnavailableException.class)
    public CompanyFacts checkCompanyInRegistry(long engagementId) {
        Engagement engagement = lifecycle.get(engagementId);
        var company = engagement.getCompany();
        if (company.getRegistrationNumber() == null || company.getRegistrationNumber().isBlank()) {
            throw new CompanyRegistryUnavailableException("The client gave no registration number", true, null);
        }
        CompanyFacts facts = registry.lookUp(company.getCountry(), company.getRegistrationNumber());
        screening(engagementId).recordCompanyCheck(CompanyCheck.REGISTRY, facts);
        return facts;
    }

    public boolean registryCovers(long engagementId) {
        return registry.covers(lifecycle.get(engagementId).getCompany().getCountry());
    }

    public void recordManualCompanyCheck(long engagementId, CompanyFacts facts) {
        screening(engagementId).recordCompanyCheck(CompanyCheck.MANUAL, facts);
    }

    /**
     * Scores every marker including M5. A decline by the rules is final; every other client gets an intro call unless
     * the analysts' intro-call decision says it is not needed, and is then accepted by the rules.
     */
    public Scored score(long engagementId) {
        Screening screening = screening(engagementId);
        RuleOutcome outcome = rules.evaluate(facts(engagementId, screening, null));
        screening.applyRules(outcome);
        if (outcome.verdict() == Verdict.DECLINE) {
            screening.decide(Verdict.DECLINE);
            metrics.decidedByRules(Verdict.DECLINE);
            return new Scored(outcome.verdict(), false);
        }
        boolean call = outcome.introCallNeeded();
        if (!call) {
            screening.decide(Verdict.ACCEPT);
            metrics.decidedByRules(Verdict.ACCEPT);
        }
        return new Scored(outcome.verdict(), call);
    }

    /** The rules' verdict, and whether a moderator holds the intro call before the decision. */
    public record Scored(Verdict verdict, boolean introCallNeeded) {
    }

    /**
     * Runs the rules again with what the moderator observed in the intro call. The moderator's decision stands; where
     * it contradicts a clear rule verdict it is an override and needs a written reason.
     */
    public Verdict review(long engagementId, Review review) {
        List<FieldProblem> problems = new ArrayList<>();
        if (review.decision() == null || review.decision() == Verdict.REVIEW) {
            problems.add(new FieldProblem("reviewDecision", "choose ACCEPT or DECLINE"));
        }
        Screening screening = screening(engagementId);
        RuleOutcome outcome = rules.evaluate(facts(engagementId, screening, review.observations()));
        boolean override = outcome.verdict() != Verdict.REVIEW && outcome.verdict() != review.decision();
        if (override && (review.overrideReason() == null || review.overrideReason().isBlank())) {
            problems.add(new FieldProblem("overrideReason", "the rules say " + outcome.verdict()
                    + " with these observations; deciding " + review.decision() + " needs a written reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        screening.applyRules(outcome);
        Observations seen = review.observations();
        if (seen.brokenPromises() || seen.brokenPromisesRepeatedly()) {
            Engagement engagement = lifecycle.get(engagementId);
            promises.recordBrokenBeforeContract(new com.engagementorchestrator.promise.Promise.Party(engagement.getClient().getId(),
                    engagement.getCompany().getId(), engagementId), seen.promisesBeforeCall() == null || seen.promisesBeforeCall().isBlank()
                    ? "Promised before the contract and did not do it (intro call)" : seen.promisesBeforeCall());
        }
        screening.recordReview(review.reviewer(), toJson(review.observations()), review.callNotes(),
                override ? review.overrideReason() : null);
        screening.decide(review.decision());
        metrics.decidedByModerator(review.decision(), override);
        return review.decision();
    }

    /** A moderator's review of the intro call. */
    public record Review(String reviewer, Observations observations, Verdict decision, String callNotes,
                         String overrideReason) {
    }

    /** Closes a declined engagement with a polite message that says how the client could do without us. */
    public void decline(long engagementId) {
        Engagement engagement = lifecycle.close(engagementId, EngagementStatus.DECLINED, "declined at screening");
        ending.endAllOf(engagementId, "the engagement was declined at screening");
        var client = engagement.getClient();
        String hints = advice.paragraphs(engagement, screening(engagementId).getMarkers()).stream()
                .map(key -> correspondent.fragment(key, client.getLocale()))
                .collect(java.util.stream.Collectors.joining("\n\n"));
        correspondent.send(new Correspondent.Letter("decline/" + engagement.getNumber(), engagementId,
                client.getEmail(), client.getLocale(), "decline", client.getFullName(), engagement.getNumber(), hints));
    }

    @Transactional(readOnly = true)
    public Optional<Screening> find(long engagementId) {
        return screenings.findById(engagementId);
    }

    private Screening screening(long engagementId) {
        return screenings.findById(engagementId)
                .orElseThrow(() -> new IllegalStateException("Engagement " + engagementId + " has not been screened yet"));
    }

    private ScreeningFacts facts(long engagementId, Screening screening, Observations observations) {
        Engagement engagement = lifecycle.get(engagementId);
        // Marker M3 counts the client's and the company's broken promises elsewhere, and earlier engagements that ended
        // expired or terminated (EXPIRED ones come from before promises were recorded).
        long priorBreaches = promises.brokenElsewhere(engagementId, engagement.getClient().getId(), engagement.getCompany().getId())
                + engagements.countBrokenObligations(engagementId, engagement.getClient().getId(),
                engagement.getCompany().getId());
        return new ScreeningFacts(engagement, priorBreaches, screening.companyFacts(), observations,
                properties.toRub(engagement.getBudgetAmount(), engagement.getBudgetCurrency()),
                earlier.strongest(engagement).orElse(null));
    }

    private String toJson(Observations observations) {
        try {
            return json.writeValueAsString(observations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.engagementorchestrator.promise;

import com.engagementorchestrator.common.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every client promise (seed 000, marker 3): made when a date is agreed, kept or broken when the event
 * or the date comes. Screening's M3 and the reliability figures read it.
 */
@Service
@Transactional
public class PromiseLedger {

    private static final java.util.Set<Promise.Status> AWAITING = java.util.EnumSet.of(Promise.Status.OPEN, Promise.Status.BROKEN);

    private final Promises promises;

    public PromiseLedger(Promises promises) {
        this.promises = promises;
    }

    public Promise make(Promise.Party party, Promise.Kind kind, String subject, String description, Instant dueAt) {
        return promises.save(new Promise(party, kind, subject, description, dueAt));
    }

    /** A promise the client made before any contract and did not keep, recorded so it counts next time too (M3). */
    public Promise recordBrokenBeforeContract(Promise.Party party, String description) {
        Instant now = Time.now();
        String text = description.length() > 500 ? description.substring(0, 500) : description;
        Promise promise = new Promise(party, Promise.Kind.BEFORE_CONTRACT, "before-contract", text, now);
        promise.breakIfDue(now);
        return promises.save(promise);
    }

    /** The promised event came: an open promise on it is kept (or broken if late); a broken one notes the late event. */
    public void fulfil(long engagementId, Promise.Kind kind, String subject, Instant when) {
        promises.findByEngagementIdAndSubjectAndFulfilledAtIsNullAndStatusIn(engagementId, subject, AWAITING).stream()
                .filter(p -> p.getKind() == kind).forEach(p -> p.fulfil(when));
    }

    /** The promised thing came, whichever promise (original or extension) is open on it. */
    public void fulfilSubject(long engagementId, String subject, Instant when) {
        promises.findByEngagementIdAndSubjectAndFulfilledAtIsNullAndStatusIn(engagementId, subject, AWAITING)
                .forEach(p -> p.fulfil(when));
    }

    /** Every open promise of the engagement whose date has passed is broken; answers how many broke now. */
    public int breakOverdue(long engagementId) {
        Instant now = Time.now();
        List<Promise> open = promises.findByEngagementIdAndStatus(engagementId, Promise.Status.OPEN);
        open.forEach(p -> p.breakIfDue(now));
        return (int) open.stream().filter(p -> p.getStatus() == Promise.Status.BROKEN).count();
    }

    /** A new date agreed before the old one passed: the old promise is renegotiated, the new one is open. */
    public Promise renegotiate(long engagementId, Promise.Kind kind, String subject, Promise.Party party,
                               Promise.Kind newKind, String description, Instant newDueAt) {
        promises.findFirstByEngagementIdAndKindAndSubjectAndStatusOrderByIdDesc(engagementId, kind, subject, Promise.Status.OPEN)
                .ifPresent(p -> p.close(Promise.Status.RENEGOTIATED));
        return make(party, newKind, subject, description, newDueAt);
    }

    /** The time a client was blocked does not count against their open promises. */
    public void postpone(Collection<Long> engagementIds, Duration by) {
        promises.findByEngagementIdInAndStatus(engagementIds, Promise.Status.OPEN).forEach(p -> p.postpone(by));
    }

    /** The engagement ended before these promises came due or were kept: each open one is cancelled with the reason. */
    public void closeOpen(long engagementId, String reason) {
        promises.findByEngagementIdAndStatus(engagementId, Promise.Status.OPEN).forEach(p -> p.cancel(reason));
    }

    @Transactional(readOnly = true)
    public long brokenElsewhere(long engagementId, long clientId, long companyId) {
        return promises.countBrokenElsewhere(engagementId, clientId, companyId);
    }

    @Transactional(readOnly = true)
    public List<Promise> ofEngagement(long engagementId) {
        return promises.findByEngagementIdOrderByIdAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public Reliability reliabilityOf(long clientId) {
        return Reliability.of(promises.findByClientIdOrderByIdAsc(clientId));
    }
}

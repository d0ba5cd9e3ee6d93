package com.engagementorchestrator.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface CorrespondenceLog extends JpaRepository<Correspondence, Long> {

    // Written out rather than derived: Hibernate 6.6 translates a derived (criteria) query anew on every call.
    @Query("select c from Correspondence c where c.dedupKey = :dedupKey")
    Optional<Correspondence> findByDedupKey(@Param("dedupKey") String dedupKey);

    List<Correspondence> findByEngagementIdOrderByIdAsc(Long engagementId);

    /** Our letters with one of these Message-IDs (the ids a reply's In-Reply-To and References name). */
    List<Correspondence> findByDirectionAndMessageIdIn(Correspondence.Direction direction, java.util.Collection<String> messageIds);

    /**
     * Letters due for (another) attempt: pending ones recorded before the given moment, and those left SENDING past their
     * lease (the sender died or lost the database between the send and "mark SENT"; a null lease predates leases).
     */
    @Query("""
            select c.id from Correspondence c where c.direction = 'OUTBOUND'
             and ((c.status = 'PENDING' and c.createdAt < :before)
               or (c.status = 'SENDING' and (c.leaseUntil is null or c.leaseUntil < :now)))
            order by c.id""")
    List<Long> findDueIds(@Param("before") Instant before, @Param("now") Instant now, Pageable page);

    /** Claims a letter for sending until the lease ends: a pending one, or one whose sender's lease expired. */
    @Transactional
    @Modifying
    @Query("""
            update Correspondence c set c.status = 'SENDING', c.attempts = c.attempts + 1, c.leaseUntil = :leaseUntil
            where c.id = :id and (c.status = 'PENDING'
               or (c.status = 'SENDING' and (c.leaseUntil is null or c.leaseUntil < :now)))""")
    int claim(@Param("id") Long id, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

    @Transactional
    @Modifying
    @Query("update Correspondence c set c.status = 'SENT', c.sentAt = :sentAt, c.lastError = null, c.leaseUntil = null where c.id = :id")
    void markSent(@Param("id") Long id, @Param("sentAt") Instant sentAt);

    @Transactional
    @Modifying
    @Query("update Correspondence c set c.status = 'PENDING', c.lastError = :error, c.leaseUntil = null where c.id = :id and c.status = 'SENDING'")
    void release(@Param("id") Long id, @Param("error") String error);

    /** Outbound letters still waiting (pending or being sent) that were recorded before the given moment. */
    @Query("select count(c) from Correspondence c where c.direction = 'OUTBOUND' and c.status in ('PENDING', 'SENDING') and c.createdAt < :before")
    long countWaitingSince(@Param("before") Instant before);

    @Query("select min(c.createdAt) from Correspondence c where c.direction = 'OUTBOUND' and c.status in ('PENDING', 'SENDING')")
    Optional<Instant> oldestWaiting();

    /** Letters left SENDING past their lease: their sender is gone or lost the database. */
    @Query("select count(c) from Correspondence c where c.status = 'SENDING' and (c.leaseUntil is null or c.leaseUntil < :now)")
    long countStuckSending(@Param("now") Instant now);
}

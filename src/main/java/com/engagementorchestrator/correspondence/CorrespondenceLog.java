package com.engagementorchestrator.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface CorrespondenceLog extends JpaRepository<Correspondence, Long> {

    Optional<Correspondence> findByDedupKey(String dedupKey);

    List<Correspondence> findByEngagementIdOrderByIdAsc(Long engagementId);

    /** Our letters with one of these Message-IDs (the ids a reply's In-Reply-To and References name). */
    List<Correspondence> findByDirectionAndMessageIdIn(Correspondence.Direction direction, java.util.Collection<String> messageIds);

    @Query("select c.id from Correspondence c where c.status = 'PENDING' and c.createdAt < :before order by c.id")
    List<Long> findPendingIdsCreatedBefore(@Param("before") Instant before);

    /** Claims a pending message for sending; only one sender wins. */
    @Transactional
    @Modifying
    @Query("update Correspondence c set c.status = 'SENDING', c.attempts = c.attempts + 1 where c.id = :id and c.status = 'PENDING'")
    int claim(@Param("id") Long id);

    @Transactional
    @Modifying
    @Query("update Correspondence c set c.status = 'SENT', c.sentAt = :sentAt, c.lastError = null where c.id = :id")
    void markSent(@Param("id") Long id, @Param("sentAt") Instant sentAt);

    @Transactional
    @Modifying
    @Query("update Correspondence c set c.status = 'PENDING', c.lastError = :error where c.id = :id")
    void release(@Param("id") Long id, @Param("error") String error);
}

package com.engagementorchestrator.authority;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuthorityDocuments extends JpaRepository<AuthorityDocument, Long> {

    List<AuthorityDocument> findByEngagementIdOrderByAttemptAsc(Long engagementId);

    Optional<AuthorityDocument> findFirstByEngagementIdOrderByAttemptDesc(Long engagementId);

    Optional<AuthorityDocument> findByIdAndEngagementId(Long id, Long engagementId);

    @Query("""
            select count(d) > 0 from AuthorityDocument d, Engagement e
            where e.id = d.engagementId and e.client.id = :clientId
              and d.decision = com.engagementorchestrator.authority.AuthorityDocument.Decision.ACCEPTED
            """)
    boolean existsAcceptedOfClient(@Param("clientId") Long clientId);
}

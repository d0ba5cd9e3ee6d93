package com.engagementorchestrator.authority;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuthorityDocuments extends JpaRepository<AuthorityDocument, Long> {

    List<AuthorityDocument> findByEngagementIdOrderByAttemptAsc(Long engagementId);

    Optional<AuthorityDocument> findFirstByEngagementIdOrderByAttemptDesc(Long engagementId);

    Optional<AuthorityDocument> findByIdAndEngagementId(Long id, Long engagementId);
}

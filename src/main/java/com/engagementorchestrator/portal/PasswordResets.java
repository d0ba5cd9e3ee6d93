package com.engagementorchestrator.portal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface PasswordResets extends JpaRepository<PasswordReset, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PasswordReset> findByTokenSha256(String tokenSha256);

    List<PasswordReset> findByUserIdAndUsedAtIsNull(String userId);

    long countByUserIdAndCreatedAtAfter(String userId, Instant since);
}

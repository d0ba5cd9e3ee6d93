package com.engagementorchestrator.client;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Clients extends JpaRepository<Client, Long> {

    Optional<Client> findByUserId(String userId);

    /** The client, locked until the transaction ends: one client's concurrent requests are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Client c where c.userId = :userId")
    Optional<Client> lockByUserId(@Param("userId") String userId);

    boolean existsByEmailIgnoreCase(String email);
}

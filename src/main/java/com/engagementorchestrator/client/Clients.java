package com.engagementorchestrator.client;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Clients extends JpaRepository<Client, Long> {

    Optional<Client> findByUserId(String userId);

    boolean existsByEmailIgnoreCase(String email);
}

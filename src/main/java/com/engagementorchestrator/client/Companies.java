package com.engagementorchestrator.client;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Companies extends JpaRepository<Company, Long> {

    Optional<Company> findFirstByCountryAndRegistrationNumberOrderByIdAsc(String country, String registrationNumber);
}

package com.engagementorchestrator.screening;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Screenings extends JpaRepository<Screening, Long> {
}

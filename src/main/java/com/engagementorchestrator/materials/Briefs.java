package com.engagementorchestrator.materials;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Briefs extends JpaRepository<Brief, Long> {
}

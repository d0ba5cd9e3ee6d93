package com.engagementorchestrator.protocol;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtocolAgreements extends JpaRepository<ProtocolAgreement, Long> {
}

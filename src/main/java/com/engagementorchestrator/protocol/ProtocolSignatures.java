package com.engagementorchestrator.protocol;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtocolSignatures extends JpaRepository<ProtocolSignature, Long> {

    List<ProtocolSignature> findByProtocolIdOrderByIdAsc(Long protocolId);
}

package com.engagementorchestrator.protocol;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtocolObjections extends JpaRepository<ProtocolObjection, Long> {

    List<ProtocolObjection> findByProtocolIdOrderByIdAsc(Long protocolId);
}

package com.engagementorchestrator.materials;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MaterialSubmissions extends JpaRepository<MaterialSubmission, Long> {

    Optional<MaterialSubmission> findFirstByItemIdOrderByIdDesc(Long itemId);

    List<MaterialSubmission> findByItemIdInOrderByIdAsc(Collection<Long> itemIds);
}

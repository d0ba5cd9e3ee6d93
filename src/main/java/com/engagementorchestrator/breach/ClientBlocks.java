package com.engagementorchestrator.breach;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ClientBlocks extends JpaRepository<ClientBlock, Long> {

    List<ClientBlock> findByClientIdOrderByIdAsc(Long clientId);

    Optional<ClientBlock> findFirstByClientIdAndStatusInOrderByIdDesc(Long clientId, Collection<ClientBlock.Status> statuses);

    /** A block in force on any client of the company (companies are shared by registration number). */
    @Query("""
            select b from ClientBlock b, Client c
            where c.id = b.clientId and c.company.id = :companyId and b.status in ('UNDER_REVIEW', 'TERMINATED')
            order by b.id desc
            """)
    List<ClientBlock> findInForceForCompany(@Param("companyId") Long companyId);
}

package com.engagementorchestrator.deposit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Invoices extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByNumber(String number);

    Optional<Invoice> findFirstByEngagementIdAndKindOrderByIdDesc(Long engagementId, Invoice.Kind kind);

    List<Invoice> findByEngagementIdOrderByIdAsc(Long engagementId);

    /** Payments to one invoice are recorded one after another, so partial payments add up without a lost update. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.number = :number")
    Optional<Invoice> lockByNumber(@Param("number") String number);

    /** The engagement's invoices of a kind, newest first, locked as a payment locks them: waits for one committing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.engagementId = :engagementId and i.kind = :kind order by i.id desc")
    List<Invoice> lockByEngagementIdAndKind(@Param("engagementId") Long engagementId, @Param("kind") Invoice.Kind kind);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(@Param("id") Long id);

}

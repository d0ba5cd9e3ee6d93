package com.engagementorchestrator.deposit;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Payments extends JpaRepository<Payment, Long> {

    boolean existsByProviderPaymentId(String providerPaymentId);

    List<Payment> findByInvoiceIdOrderByIdAsc(Long invoiceId);

    @Query("select coalesce(sum(p.amount), 0) from Payment p where p.invoiceId = :invoiceId")
    BigDecimal totalFor(@Param("invoiceId") Long invoiceId);
}

package com.engagementorchestrator.deposit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentOrders extends JpaRepository<PaymentOrder, Long> {

    Optional<PaymentOrder> findFirstByInvoiceIdOrderByIdDesc(Long invoiceId);

    List<PaymentOrder> findByInvoiceIdOrderByIdAsc(Long invoiceId);
}

package com.engagementorchestrator.deposit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnmatchedPayments extends JpaRepository<UnmatchedPayment, Long> {

    Optional<UnmatchedPayment> findByProviderPaymentId(String providerPaymentId);

    List<UnmatchedPayment> findAllByOrderByIdDesc();
}

package com.engagementorchestrator.deposit;

import com.engagementorchestrator.breach.Prepayments;
import com.engagementorchestrator.correspondence.Money;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The prepayment of an engagement is what was paid on its deposit invoice. */
@Component
class DepositPrepayments implements Prepayments {

    private final DepositService deposits;

    DepositPrepayments(DepositService deposits) {
        this.deposits = deposits;
    }

    @Override
    public Optional<Money> paid(long engagementId) {
        return deposits.prepaid(engagementId);
    }
}

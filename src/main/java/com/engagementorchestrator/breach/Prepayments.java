package com.engagementorchestrator.breach;

import com.engagementorchestrator.correspondence.Money;
import java.util.Optional;

/**
 * What the client prepaid on an engagement, if anything. A terminated engagement retains it, and only then does the
 * termination letter speak of a retained prepayment. Implemented by the deposit feature.
 */
public interface Prepayments {

    Optional<Money> paid(long engagementId);
}

package com.engagementorchestrator.deposit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The analysts' deposit policy (processes/deposit-policy.dmn): deposit-share gives the share of the budget for a
 * screening score, deposit-minimum the smallest deposit per currency. The deposit is the larger of the two, never
 * more than the budget.
 */
@Component
class DepositPolicy {

    static final String SHARE_DECISION = "deposit-share";
    static final String MINIMUM_DECISION = "deposit-minimum";

    record Deposit(BigDecimal amount, int sharePercent) {
    }

    private final DecisionService decisions;

    DepositPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    Deposit depositFor(int screeningScore, BigDecimal budget, String currency) {
        Object share = decisions.evaluateDecisionByKey(SHARE_DECISION)
                .variables(Map.of("screeningScore", screeningScore)).evaluate().getSingleEntry();
        Object minimum = decisions.evaluateDecisionByKey(MINIMUM_DECISION)
                .variables(Map.of("currency", currency)).evaluate().getSingleEntry();
        if (!(share instanceof Number percent) || !(minimum instanceof Number least)) {
            throw new IllegalStateException("The deposit policy gave no share or minimum for score " + screeningScore
                    + " and currency " + currency + " (share " + share + ", minimum " + minimum + ")");
        }
        BigDecimal byShare = budget.multiply(BigDecimal.valueOf(percent.intValue())).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
        BigDecimal amount = byShare.max(new BigDecimal(least.toString())).min(budget).setScale(2, RoundingMode.HALF_UP);
        return new Deposit(amount, percent.intValue());
    }
}

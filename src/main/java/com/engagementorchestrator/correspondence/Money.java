package com.engagementorchestrator.correspondence;

import java.math.BigDecimal;

/**
 * An amount of money as a letter argument: the correspondent writes it in the letter's language (template
 * {@code money}, the currency's name from {@code currency.<code>} where the language has one), so a Russian letter
 * reads "75 000,00 руб." and an English one "75,000.00 RUB".
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("Money needs an amount and a currency");
        }
    }
}

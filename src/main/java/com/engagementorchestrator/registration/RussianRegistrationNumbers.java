package com.engagementorchestrator.registration;

import java.util.Optional;

/**
 * Check digits of Russian company identifiers: INN (10 digits for organisations, 12 for individual entrepreneurs),
 * OGRN (13 digits) and OGRNIP (15 digits), as the Federal Tax Service defines them.
 */
final class RussianRegistrationNumbers {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private RussianRegistrationNumbers() {
    }

    /** Why the number is not a valid INN, OGRN or OGRNIP; empty when it is valid. */
    static Optional<String> problem(String number) {
        if (!number.matches("\\d+")) {
            return Optional.of("must consist of digits only (INN: 10 or 12, OGRN: 13, OGRNIP: 15)");
        }
        boolean valid = switch (number.length()) {
            case 10 -> checkDigit(number, INN10) == digit(number, 9);
            case 12 -> checkDigit(number, INN12_FIRST) == digit(number, 10) && checkDigit(number, INN12_SECOND) == digit(number, 11);
            case 13 -> Long.parseLong(number.substring(0, 12)) % 11 % 10 == digit(number, 12);
            case 15 -> Long.parseLong(number.substring(0, 14)) % 13 % 10 == digit(number, 14);
            default -> {
                yield false;
            }
        };
        if (valid) {
            return Optional.empty();
        }
        return Optional.of(switch (number.length()) {
            case 10, 12 -> "is not a valid INN: the check digit does not match";
            case 13 -> "is not a valid OGRN: the check digit does not match";
            case 15 -> "is not a valid OGRNIP: the check digit does not match";
            default -> "must have 10 or 12 digits (INN), 13 (OGRN) or 15 (OGRNIP), not " + number.length();
        });
    }

    private static int checkDigit(String number, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(number, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String number, int index) {
        return number.charAt(index) - '0';
    }
}

package com.engagementorchestrator.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RussianRegistrationNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"7707083893", "7736207543", "500100732259", "1027700132195", "304500116000157"})
    void acceptsNumbersWithCorrectCheckDigits(String number) {
        assertThat(RussianRegistrationNumbers.problem(number)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "7707083894, not a valid INN",
            "500100732258, not a valid INN",
            "1027700132196, not a valid OGRN",
            "304500116000158, not a valid OGRNIP",
            "12345, must have 10 or 12 digits",
            "77070838AB, digits only"})
    void rejectsWrongCheckDigitsAndLengths(String number, String why) {
        assertThat(RussianRegistrationNumbers.problem(number)).get().asString().contains(why);
    }
}

package com.engagementorchestrator.registration;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The project part of an intake: the same fields for a registration and for a further engagement. */
public record ProjectDetails(
        @NotBlank(message = "is required") String firstContactChannel,
        @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most {max} characters") String projectDescription,
        @Size(max = 2000, message = "must be at most {max} characters") String projectGoal,
        @NotNull(message = "is required") @Positive(message = "must be positive")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits before and 2 after the point") BigDecimal budgetAmount,
        @NotBlank(message = "is required") String budgetCurrency,
        @NotBlank(message = "is required") String desiredDeadline,
        @PositiveOrZero(message = "must not be negative") @Max(value = 1000, message = "must be at most {value}") Integer previousContractorsCount,
        @Size(max = 4000, message = "must be at most {max} characters") String previousContractorsExperience,
        @NotBlank(message = "is required") String decisionMaking,
        String kindOfWork) {
}

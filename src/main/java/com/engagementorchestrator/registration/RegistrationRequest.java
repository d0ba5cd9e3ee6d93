package com.engagementorchestrator.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Body of POST /api/registrations: the person, the company and the first project. */
public record RegistrationRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String fullName,
        @NotBlank(message = "is required") @Email(message = "is not a valid e-mail address")
        @Size(max = 254, message = "must be at most {max} characters") String email,
        @NotBlank(message = "is required") @Size(min = 10, max = 128, message = "must have between {min} and {max} characters") String password,
        @Size(max = 32, message = "must be at most {max} characters")
        @Pattern(regexp = "(\\+?[0-9 ()\\-]{5,32})?", message = "must be a phone number: digits, spaces, +, - and brackets") String phone,
        @Size(max = 120, message = "must be at most {max} characters") String position,
        @NotBlank(message = "is required") @Pattern(regexp = "ru|en", message = "must be ru or en") String locale,
        @Size(max = 200, message = "must be at most {max} characters") String companyName,
        @Size(max = 32, message = "must be at most {max} characters") String registrationNumber,
        @NotBlank(message = "is required") String country,
        @NotBlank(message = "is required") String industry,
        @Size(max = 300, message = "must be at most {max} characters") String website,
        String firstContactChannel,
        String projectDescription,
        String projectGoal,
        BigDecimal budgetAmount,
        String budgetCurrency,
        String desiredDeadline,
        Integer previousContractorsCount,
        String previousContractorsExperience,
        String decisionMaking,
        String kindOfWork) {

    ProjectDetails project() {
        return new ProjectDetails(firstContactChannel, projectDescription, projectGoal, budgetAmount, budgetCurrency,
                desiredDeadline, previousContractorsCount, previousContractorsExperience, decisionMaking, kindOfWork);
    }

    @Override
    public String toString() {
        // Keep the password out of logs.
        return "RegistrationRequest[email=" + email + ", company=" + companyName + "]";
    }
}

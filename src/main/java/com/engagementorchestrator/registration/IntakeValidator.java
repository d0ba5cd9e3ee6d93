package com.engagementorchestrator.registration;

import com.engagementorchestrator.client.Industry;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.DecisionMaking;
import com.engagementorchestrator.engagement.KindOfWork;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.FirstContactChannel;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import com.engagementorchestrator.screening.ScreeningProperties;
import org.springframework.stereotype.Component;

/** Checks an intake completely and reports every offending field at once. */
@Component
class IntakeValidator {

    /** Characters the engine accepts in a user id (userResourceWhitelistPattern). */
    private static final String LOGIN_CHARACTERS = "[a-zA-Z0-9@._+\\-]+";
    /** A desired deadline further away than this is a typo, and the database holds no date beyond year 9999 anyway. */
    static final int MAX_DEADLINE_YEARS = 10;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toSet());

    private final Validator validator;
    private final ScreeningProperties screening;

    IntakeValidator(Validator validator, ScreeningProperties screening) {
        this.validator = validator;
        this.screening = screening;
    }

    void validate(RegistrationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(request).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        if (request.email() != null && !request.email().isBlank() && !request.email().trim().matches(LOGIN_CHARACTERS)) {
            problems.add(new FieldProblem("email", "may contain only letters, digits and @ . _ + - to serve as a login"));
        }
        if (request.country() != null && !request.country().isBlank() && !COUNTRIES.contains(request.country())) {
            problems.add(new FieldProblem("country", "unknown country '" + request.country() + "'; use an ISO 3166 alpha-2 code such as RU or DE"));
        }
        if (request.industry() != null && !request.industry().isBlank()) {
            code("industry", request.industry(), Industry.class, problems, " (see GET /api/reference/industries)");
        }
        if ("RU".equals(request.country()) && request.registrationNumber() != null && !request.registrationNumber().isBlank()) {
            RussianRegistrationNumbers.problem(request.registrationNumber().trim())
                    .ifPresent(p -> problems.add(new FieldProblem("registrationNumber", p)));
        }
        problems.addAll(projectProblems(request.project()));
        reject(problems);
    }

    void validate(ProjectDetails project) {
        reject(projectProblems(project));
    }

    private List<FieldProblem> projectProblems(ProjectDetails project) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(project).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        if (project.firstContactChannel() != null && !project.firstContactChannel().isBlank()) {
            code("firstContactChannel", project.firstContactChannel(), FirstContactChannel.class, problems, "");
        }
        if (project.decisionMaking() != null && !project.decisionMaking().isBlank()) {
            code("decisionMaking", project.decisionMaking(), DecisionMaking.class, problems, "");
        }
        if (project.kindOfWork() != null && !project.kindOfWork().isBlank()) {
            code("kindOfWork", project.kindOfWork(), KindOfWork.class, problems, "");
        }
        if (project.budgetCurrency() != null && !project.budgetCurrency().isBlank() && !CURRENCIES.contains(project.budgetCurrency())) {
            problems.add(new FieldProblem("budgetCurrency", "unknown currency '" + project.budgetCurrency() + "'; use an ISO 4217 code such as RUB or EUR"));
        } else if (project.budgetCurrency() != null && !project.budgetCurrency().isBlank()
                && !screening.currencies().contains(project.budgetCurrency())) {
            // Every budget is compared with our minimum; a currency without a configured rate could not be.
            problems.add(new FieldProblem("budgetCurrency", "we take budgets in " + String.join(", ", screening.currencies())
                    + "; please convert the budget to one of them"));
        }
        if (project.desiredDeadline() != null && !project.desiredDeadline().isBlank()) {
            try {
                LocalDate deadline = Time.parseDate(project.desiredDeadline());
                if (deadline.isBefore(Time.today())) {
                    problems.add(new FieldProblem("desiredDeadline", "is in the past"));
                } else if (deadline.isAfter(Time.today().plusYears(MAX_DEADLINE_YEARS))) {
                    problems.add(new FieldProblem("desiredDeadline", "must be within " + MAX_DEADLINE_YEARS + " years"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("desiredDeadline", "must be an ISO date such as 2027-03-31"));
            }
        }
        return problems;
    }

    static Engagement.Intake intake(ProjectDetails project) {
        return new Engagement.Intake(project.projectDescription().trim(), blankToNull(project.projectGoal()),
                project.budgetAmount(), project.budgetCurrency(), LocalDate.parse(project.desiredDeadline()),
                FirstContactChannel.valueOf(project.firstContactChannel()), project.previousContractorsCount(),
                blankToNull(project.previousContractorsExperience()), DecisionMaking.valueOf(project.decisionMaking()),
                blankToNull(project.kindOfWork()) == null ? KindOfWork.OTHER : KindOfWork.valueOf(project.kindOfWork().trim()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> void code(String field, String value, Class<E> codes, List<FieldProblem> problems,
                                                 String hint) {
        if (Arrays.stream(codes.getEnumConstants()).noneMatch(c -> c.name().equals(value))) {
            problems.add(new FieldProblem(field, "unknown code '" + value + "'; one of "
                    + Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + hint));
        }
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidInputException(problems);
        }
    }
}

package com.engagementorchestrator.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Registration bodies for tests: a clean intake that fires no marker, changed field by field. */
public final class Intakes {

    /** A valid INN of a real organisation (check digit correct). */
    public static final String VALID_INN = "7707083893";

    private Intakes() {
    }

    private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    /** A fresh organisation INN with a correct check digit, so each test has a company without history. */
    public static String randomInn() {
        StringBuilder inn = new StringBuilder("77");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            inn.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += INN10_WEIGHTS[i] * (inn.charAt(i) - '0');
        }
        return inn.append(sum % 11 % 10).toString();
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static Map<String, Object> clean(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Olga Smirnova");
        body.put("email", email);
        body.put("password", "correct-horse-battery");
        // A phone of its own: clients sharing one are remembered as linked (issue 9, memory of earlier clients).
        body.put("phone", "+7 495 " + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        body.put("position", "Marketing director");
        body.put("locale", "en");
        body.put("companyName", "Vector Solutions LLC");
        body.put("registrationNumber", randomInn());
        body.put("country", "RU");
        body.put("industry", "IT");
        body.put("website", "https://vector.example");
        body.put("firstContactChannel", "EMAIL");
        body.put("projectDescription", "A corporate website with a product catalogue and a contact form.");
        body.put("projectGoal", "More qualified leads from the website");
        body.put("budgetAmount", 250000);
        body.put("budgetCurrency", "RUB");
        body.put("desiredDeadline", LocalDate.now().plusMonths(3).toString());
        body.put("previousContractorsCount", 0);
        body.put("previousContractorsExperience", "");
        body.put("decisionMaking", "SELF");
        return body;
    }
}

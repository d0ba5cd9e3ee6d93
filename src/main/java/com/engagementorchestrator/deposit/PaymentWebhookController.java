package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.TaskForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's webhook. The signature is checked over the raw bytes before anything is read; a payment is
 * recorded once per provider payment id (a replay answers 200), one for no known invoice is kept and answered 422.
 */
@RestController
class PaymentWebhookController {

    record Answer(String status, String invoiceNumber, boolean invoicePaid, String message) {
    }

    private final WebhookSignature signature;
    private final PaymentService payments;
    private final ObjectMapper json;

    PaymentWebhookController(WebhookSignature signature, PaymentService payments, ObjectMapper json) {
        this.signature = signature;
        this.payments = payments;
        this.json = json;
    }

    @PostMapping("/api/payments/webhook")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @RequestHeader(value = WebhookSignature.HEADER, required = false) String header) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.matches(raw, header)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401, "error", "Unauthorized",
                    "message", header == null ? "missing " + WebhookSignature.HEADER + " header (HMAC-SHA256 of the body)"
                            : "the " + WebhookSignature.HEADER + " does not match the body; nothing was recorded"));
        }
        PaymentService.ProviderPayment payment = parse(raw);
        String payload = new String(raw, StandardCharsets.UTF_8);
        PaymentService.Result result;
        try {
            result = payments.record(payment, payload);
        } catch (DataIntegrityViolationException race) {
            // The same payment was delivered twice at once and the other delivery stored it first.
            result = payments.record(payment, payload);
        }
        Answer answer = new Answer(result.outcome().name(), result.invoiceNumber(), result.invoicePaid(), result.message());
        return result.outcome() == PaymentService.Outcome.UNMATCHED
                ? ResponseEntity.unprocessableEntity().body(answer)
                : ResponseEntity.ok(answer);
    }

    @GetMapping("/api/payments/unmatched")
    List<UnmatchedPayment> unmatched() {
        return payments.unmatched();
    }

    private PaymentService.ProviderPayment parse(byte[] raw) {
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (IOException e) {
            throw new InvalidInputException("body", "not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "expected a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String paymentId = text(node, "paymentId", 100, problems);
        String invoiceNumber = text(node, "invoiceNumber", 100, problems);
        String currency = text(node, "currency", 3, problems);
        BigDecimal amount = null;
        if (!node.path("amount").isNumber() && !node.path("amount").isTextual()) {
            problems.add(new FieldProblem("amount", "is required, a positive number"));
        } else {
            try {
                amount = new BigDecimal(node.path("amount").asText());
                if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
                    problems.add(new FieldProblem("amount", "must be positive with at most 2 decimals"));
                } else if (amount.compareTo(TaskForms.MAX_AMOUNT) > 0) {
                    // Checked before any write: the database would refuse it with an error naming its internals.
                    problems.add(new FieldProblem("amount", "amount out of range: at most "
                            + TaskForms.MAX_AMOUNT.toPlainString()));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("amount", "not a number: " + node.path("amount").asText()));
            }
        }
        Instant paidAt = null;
        if (node.hasNonNull("paidAt")) {
            try {
                paidAt = Instant.parse(node.get("paidAt").asText());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("paidAt", "must be an ISO instant such as 2026-11-22T10:15:30Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PaymentService.ProviderPayment(paymentId, invoiceNumber, amount, currency.toUpperCase(), paidAt);
    }

    private static String text(JsonNode node, String field, int max, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (value.asText().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        if (value.asText().chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must not contain control characters"));
            return null;
        }
        return value.asText().trim();
    }
}

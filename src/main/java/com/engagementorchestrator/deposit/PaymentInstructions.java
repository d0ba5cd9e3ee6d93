package com.engagementorchestrator.deposit;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a client pays an invoice: our bank details and an optional payment link ({@code engagement.payment-instructions}
 * in application.yaml). Shown on every invoice in the portal and added to every invoice letter. The link may name
 * {invoice}, {amount}, {currency} and {engagement}; they are filled in (URL-encoded) per invoice.
 */
@ConfigurationProperties("engagement.payment-instructions")
public record PaymentInstructions(String recipient, String bank, String account, String bankCode,
                                  String correspondentAccount, String taxId, String paymentLink) {

    /** The instructions for one invoice; {@code reference}: what the transfer must say so we can match it. */
    public record ForInvoice(String recipient, String bank, String account, String bankCode, String correspondentAccount,
                             String taxId, String reference, BigDecimal amount, String currency, String paymentLink) {
    }

    public ForInvoice forInvoice(String invoiceNumber, BigDecimal amount, String currency, String engagementNumber) {
        String link = blank(paymentLink) ? null : paymentLink
                .replace("{invoice}", encode(invoiceNumber))
                .replace("{amount}", encode(amount.toPlainString()))
                .replace("{currency}", encode(currency))
                .replace("{engagement}", encode(engagementNumber));
        return new ForInvoice(recipient, bank, account, bankCode, correspondentAccount, taxId,
                invoiceNumber + " / " + engagementNumber, amount, currency, link);
    }

    /** The bank details as lines of "label: value" for a letter; labels come in the letter's language. */
    public String letterBlock(ForInvoice i, java.util.function.Function<String, String> label) {
        StringBuilder text = new StringBuilder();
        line(text, label.apply("recipient"), i.recipient());
        line(text, label.apply("taxId"), i.taxId());
        line(text, label.apply("bank"), i.bank());
        line(text, label.apply("bankCode"), i.bankCode());
        line(text, label.apply("correspondentAccount"), i.correspondentAccount());
        line(text, label.apply("account"), i.account());
        line(text, label.apply("reference"), i.reference());
        line(text, label.apply("link"), i.paymentLink());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (!blank(value)) {
            text.append(label).append(": ").append(value.trim()).append('\n');
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

package com.engagementorchestrator.deposit;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments reported by the payment provider: recorded once per provider payment id, added up per invoice (the invoice
 * row is locked, so concurrent partial payments cannot lose each other), kept as unmatched when they fit no invoice.
 */
@Service
public class PaymentService {

    public enum Outcome { RECORDED, DUPLICATE, UNMATCHED }

    /** A payment as the provider reports it. */
    public record ProviderPayment(String paymentId, String invoiceNumber, BigDecimal amount, String currency, Instant paidAt) {
    }

    /** What happened to a reported payment, and where its invoice stands. */
    public record Result(Outcome outcome, String invoiceNumber, boolean invoicePaid, String message) {
    }

    private final Invoices invoices;
    private final Payments payments;
    private final UnmatchedPayments unmatched;
    private final DepositService deposits;
    private final PaymentCorrelation correlation;

    public PaymentService(Invoices invoices, Payments payments, UnmatchedPayments unmatched, DepositService deposits,
                          PaymentCorrelation correlation) {
        this.invoices = invoices;
        this.payments = payments;
        this.unmatched = unmatched;
        this.deposits = deposits;
        this.correlation = correlation;
    }

    @Transactional
    public Result record(ProviderPayment payment, String payload) {
        if (payments.existsByProviderPaymentId(payment.paymentId())) {
            return duplicate(payment);
        }
        var knownUnmatched = unmatched.findByProviderPaymentId(payment.paymentId());
        if (knownUnmatched.isPresent()) {
            return new Result(Outcome.UNMATCHED, payment.invoiceNumber(), false, knownUnmatched.get().getReason());
        }
        var invoice = payment.invoiceNumber() == null ? java.util.Optional.<Invoice>empty() : invoices.lockByNumber(payment.invoiceNumber());
        if (invoice.isEmpty()) {
            return keepUnmatched(payment, payload, "no invoice " + payment.invoiceNumber());
        }
        Invoice locked = invoice.get();
        if (!locked.getCurrency().equals(payment.currency())) {
            return keepUnmatched(payment, payload, "invoice " + locked.getNumber() + " is in " + locked.getCurrency()
                    + ", the payment in " + payment.currency());
        }
        // A concurrent delivery of the same payment waited for the lock; now it sees the first one.
        if (payments.existsByProviderPaymentId(payment.paymentId())) {
            return duplicate(payment);
        }
        boolean paid = deposits.recordPayment(locked, Payment.Source.PROVIDER, payment.paymentId(), payment.amount(),
                payment.currency(), payment.paidAt(), payload);
        if (paid) {
            correlation.afterCommit(locked.getEngagementId());
        }
        BigDecimal total = payments.totalFor(locked.getId());
        return new Result(Outcome.RECORDED, locked.getNumber(), paid, paid
                ? "invoice " + locked.getNumber() + " is paid in full"
                : "recorded; " + locked.getAmount().subtract(total).max(BigDecimal.ZERO).toPlainString() + " "
                        + locked.getCurrency() + " still due on invoice " + locked.getNumber());
    }

    @Transactional(readOnly = true)
    public java.util.List<UnmatchedPayment> unmatched() {
        return unmatched.findAllByOrderByIdDesc();
    }

    private Result duplicate(ProviderPayment payment) {
        var invoice = invoices.findByNumber(payment.invoiceNumber());
        return new Result(Outcome.DUPLICATE, payment.invoiceNumber(), invoice.map(Invoice::isPaid).orElse(false),
                "payment " + payment.paymentId() + " was already recorded");
    }

    private Result keepUnmatched(ProviderPayment payment, String payload, String reason) {
        unmatched.save(new UnmatchedPayment(payment.paymentId(), payment.invoiceNumber(), payment.amount(), payment.currency(),
                reason, payload));
        return new Result(Outcome.UNMATCHED, payment.invoiceNumber(), false, reason + "; kept for a moderator");
    }
}

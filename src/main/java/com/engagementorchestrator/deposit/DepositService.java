package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.correspondence.Money;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import com.engagementorchestrator.screening.ScreeningService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deposit (DOMAIN.md step 4; seed 002: "a contract or prepayment"): no work starts before it is paid. */
@Service
@Transactional
public class DepositService implements Obligation {

    public static final String OBLIGATION = "DEPOSIT";
    public static final long MAX_PAYMENT_ORDER_BYTES = 10L * 1024 * 1024;

    private final Invoices invoices;
    private final Payments payments;
    private final PaymentOrders orders;
    private final DepositPolicy policy;
    private final ScreeningService screening;
    private final EngagementLifecycle lifecycle;
    private final PromiseLedger promises;
    private final ClientLetters letters;
    private final UploadedFiles files;
    private final JdbcTemplate jdbc;
    private final Duration dueIn;
    private final Duration finalDueIn;
    /** The client portal, where a letter's link opens the engagement's open task. */
    private final String portalUrl;
    private final PaymentInstructions paymentInstructions;

    public DepositService(Invoices invoices, Payments payments, PaymentOrders orders, DepositPolicy policy,
                          ScreeningService screening, EngagementLifecycle lifecycle, PromiseLedger promises,
                          ClientLetters letters, UploadedFiles files, JdbcTemplate jdbc,
                          @Value("${engagement.deposit.due-in:P7D}") Duration dueIn,
                          @Value("${engagement.final-payment.due-in:P14D}") Duration finalDueIn,
                          @Value("${engagement.public-url}") String publicUrl, PaymentInstructions paymentInstructions) {
        this.paymentInstructions = paymentInstructions;
        this.invoices = invoices;
        this.payments = payments;
        this.orders = orders;
        this.policy = policy;
        this.screening = screening;
        this.lifecycle = lifecycle;
        this.promises = promises;
        this.letters = letters;
        this.files = files;
        this.jdbc = jdbc;
        this.dueIn = dueIn;
        this.finalDueIn = finalDueIn;
        this.portalUrl = publicUrl + "/portal/#/task/";
    }

    /** The bank details and payment link for an invoice letter, labelled in the client's language. */
    private String howToPay(Engagement e, Invoice invoice) {
        String locale = e.getClient().getLocale();
        return paymentInstructions.letterBlock(paymentInstructions.forInvoice(invoice.getNumber(), invoice.getAmount(),
                invoice.getCurrency(), e.getNumber()), label -> letters.fragment("payment.label." + label, locale));
    }

    @Override
    public String kind() {
        return OBLIGATION;
    }

    /**
     * The portal page of the client's task that pays this invoice (a letter is written before the engine creates the
     * task, so the link names the engagement and the task's element id; every invoice is paid in collect-payment's
     * one pay task).
     */
    private String portalLink(Engagement e, Invoice invoice) {
        return portalUrl + e.getNumber() + "/" + CollectPaymentProcess.Elements.PAY_INVOICE;
    }

    @Override
    public String clientTask() {
        return CollectPaymentProcess.Elements.PAY_INVOICE;
    }

    /** Issues the deposit invoice by the analysts' policy and sends it; the client promises to pay by its date. */
    public Invoice issueInvoice(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        var existing = invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.DEPOSIT);
        if (existing.isPresent()) {
            return existing.get();
        }
        int score = screening.find(engagementId).map(s -> s.getScore()).orElse(0);
        DepositPolicy.Deposit deposit = policy.depositFor(score, e.getBudgetAmount(), e.getBudgetCurrency());
        Invoice invoice = invoices.save(new Invoice(nextNumber(), engagementId, Invoice.Kind.DEPOSIT, deposit.amount(),
                e.getBudgetCurrency(), Time.now().plus(dueIn), deposit.sharePercent()));
        promises.make(party(e), Promise.Kind.DEPOSIT_PAYMENT, invoice.getNumber(),
                "pay the deposit invoice " + invoice.getNumber() + " (" + invoice.getAmount() + " " + invoice.getCurrency() + ")",
                invoice.getDueAt());
        letters.write(e, "deposit.invoice", "deposit-invoice/" + invoice.getNumber(), invoice.getNumber(),
                amount(invoice), invoice.getCurrency(), Time.isoDate(invoice.getDueAt()), portalLink(e, invoice),
                howToPay(e, invoice));
        return invoice;
    }

    @Transactional(readOnly = true)
    public Invoice depositInvoice(long engagementId) {
        return invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.DEPOSIT)
                .orElseThrow(() -> new IllegalStateException("Engagement " + engagementId + " has no deposit invoice"));
    }

    /** An invoice of the engagement by its number: the number a process instance collects, never one from a form. */
    @Transactional(readOnly = true)
    public Invoice invoiceOf(long engagementId, String number) {
        return invoices.findByNumber(number).filter(i -> i.getEngagementId() == engagementId)
                .orElseThrow(() -> new IllegalStateException("Engagement " + engagementId + " has no invoice " + number));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Invoice> finalInvoice(long engagementId) {
        return newestInvoice(engagementId, Invoice.Kind.FINAL);
    }

    /** The engagement's newest invoice of a kind, if one was issued. */
    @Transactional(readOnly = true)
    public java.util.Optional<Invoice> newestInvoice(long engagementId, Invoice.Kind kind) {
        return invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, kind);
    }

    @Transactional(readOnly = true)
    public BigDecimal paidSoFar(Invoice invoice) {
        return payments.totalFor(invoice.getId());
    }

    /** The client uploads the bank's payment order; a moderator checks it against the account. */
    public PaymentOrder submitPaymentOrder(long engagementId, String invoiceNumber, String uploadedBy, String fileName,
                                           byte[] content, BigDecimal declaredAmount) {
        Invoice invoice = invoiceOf(engagementId, invoiceNumber);
        if (declaredAmount == null || declaredAmount.signum() <= 0) {
            throw new InvalidInputException("paidAmount", "say how much you paid (a positive amount in " + invoice.getCurrency() + ")");
        }
        var checked = files.check("paymentOrder", fileName, content, MAX_PAYMENT_ORDER_BYTES, UploadedFiles.DOCUMENTS,
                "PDF, JPEG or PNG");
        PaymentOrder order = orders.save(new PaymentOrder(invoice.getId(), new StoredFile(checked), declaredAmount, uploadedBy));
        return order;
    }

    @Transactional(readOnly = true)
    public PaymentOrder latestPaymentOrder(long engagementId, String invoiceNumber) {
        return orders.findFirstByInvoiceIdOrderByIdDesc(invoiceOf(engagementId, invoiceNumber).getId())
                .orElseThrow(() -> new IllegalStateException("Invoice " + invoiceNumber + " has no payment order"));
    }

    /**
     * A moderator's decision on the latest payment order. A confirmed one is recorded as a payment like any other;
     * answers whether the invoice is paid in full now.
     */
    public boolean decidePaymentOrder(long engagementId, String invoiceNumber, String moderator,
                                      PaymentOrder.Decision decision, BigDecimal confirmedAmount, String reason) {
        if (decision == null || decision == PaymentOrder.Decision.PENDING) {
            throw new InvalidInputException("paymentOrderDecision", "choose CONFIRMED or REJECTED");
        }
        PaymentOrder order = latestPaymentOrder(engagementId, invoiceNumber);
        if (order.getDecision() != PaymentOrder.Decision.PENDING) {
            throw new IllegalStateException("Payment order " + order.getId() + " was already decided");
        }
        Engagement e = lifecycle.get(engagementId);
        Invoice invoice = invoices.lockById(order.getInvoiceId()).orElseThrow();
        if (decision == PaymentOrder.Decision.REJECTED) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("paymentOrderRejectionReason", "say why the payment order is rejected; the client reads it");
            }
            order.reject(reason.trim(), moderator);
            letters.write(e, "deposit.order.rejected", "deposit-order-rejected/" + order.getId(), invoice.getNumber(), reason.trim(), portalLink(e, invoice));
            return invoice.isPaid();
        }
        BigDecimal amount = confirmedAmount == null ? order.getDeclaredAmount() : confirmedAmount;
        if (amount.signum() <= 0) {
            throw new InvalidInputException("confirmedAmount", "must be positive: the amount that reached the account");
        }
        order.confirm(amount, moderator);
        boolean paid = recordPayment(invoice, Payment.Source.PAYMENT_ORDER, "payment-order-" + order.getId(), amount,
                invoice.getCurrency(), order.getUploadedAt(), null);
        if (!paid) {
            letters.write(e, "deposit.order.partial", "deposit-order-partial/" + order.getId(), invoice.getNumber(),
                    new Money(amount, invoice.getCurrency()), invoice.getCurrency(),
                    new Money(invoice.getAmount().subtract(paidSoFar(invoice)), invoice.getCurrency()), portalLink(e, invoice));
        }
        return paid;
    }

    /** Records a payment against a locked invoice; answers whether the invoice is paid in full. */
    boolean recordPayment(Invoice lockedInvoice, Payment.Source source, String paymentId, BigDecimal amount,
                          String currency, Instant paidAt, String payload) {
        Payment payment = payments.save(new Payment(lockedInvoice.getId(), source, paymentId, amount, currency, paidAt, payload));
        boolean wasPaid = lockedInvoice.isPaid();
        boolean paid = lockedInvoice.settle(payments.totalFor(lockedInvoice.getId()), payment.getPaidAt());
        if (paid && !wasPaid) {
            promises.fulfil(lockedInvoice.getEngagementId(), promiseKind(lockedInvoice), lockedInvoice.getNumber(),
                    payment.getPaidAt());
        }
        return paid;
    }

    /**
     * The final invoice: the budget less what the deposit brought in, due in the configured time; the client promises
     * to pay it by then. Work results stay previews until it is paid.
     */
    public Invoice issueFinalInvoice(long engagementId) {
        var existing = invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.FINAL);
        if (existing.isPresent()) {
            return existing.get();
        }
        Engagement e = lifecycle.get(engagementId);
        BigDecimal depositPaid = invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.DEPOSIT)
                .map(this::paidSoFar).orElse(BigDecimal.ZERO);
        BigDecimal amount = e.getBudgetAmount().subtract(depositPaid);
        if (amount.signum() <= 0) {
            throw new com.engagementorchestrator.common.ConflictException("Engagement " + e.getNumber()
                    + " has nothing left to pay: the deposit covered the budget");
        }
        Invoice invoice = invoices.save(new Invoice(nextNumber(), engagementId, Invoice.Kind.FINAL, amount,
                e.getBudgetCurrency(), Time.now().plus(finalDueIn), null));
        promises.make(party(e), Promise.Kind.FINAL_PAYMENT, invoice.getNumber(),
                "pay the final invoice " + invoice.getNumber() + " (" + invoice.getAmount() + " " + invoice.getCurrency() + ")",
                invoice.getDueAt());
        letters.write(e, "final.invoice", "final-invoice/" + invoice.getNumber(), invoice.getNumber(),
                amount(invoice), invoice.getCurrency(), Time.isoDate(invoice.getDueAt()), portalLink(e, invoice),
                howToPay(e, invoice));
        return invoice;
    }

    private static Promise.Kind promiseKind(Invoice invoice) {
        return switch (invoice.getKind()) {
            case FINAL -> Promise.Kind.FINAL_PAYMENT;
            case CHANGE_ORDER -> Promise.Kind.CHANGE_ORDER_PAYMENT;
            case DEPOSIT -> Promise.Kind.DEPOSIT_PAYMENT;
        };
    }

    /** A change order that costs more: its own invoice, paid before the work on it starts. */
    public Invoice issueChangeOrderInvoice(long engagementId, BigDecimal amount, String what) {
        Engagement e = lifecycle.get(engagementId);
        Invoice invoice = invoices.save(new Invoice(nextNumber(), engagementId, Invoice.Kind.CHANGE_ORDER, amount,
                e.getBudgetCurrency(), Time.now().plus(dueIn), null));
        promises.make(party(e), Promise.Kind.CHANGE_ORDER_PAYMENT, invoice.getNumber(),
                "pay the change order invoice " + invoice.getNumber() + " (" + what + ")", invoice.getDueAt());
        letters.write(e, "changeorder.invoice", "changeorder-invoice/" + invoice.getNumber(), invoice.getNumber(),
                amount(invoice), invoice.getCurrency(), Time.isoDate(invoice.getDueAt()), what, howToPay(e, invoice),
                portalLink(e, invoice));
        return invoice;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Invoice> invoice(String number) {
        return invoices.findByNumber(number);
    }

    /** The deposit is in: work may start; the client is thanked. */
    public void confirmDeposit(long engagementId) {
        Invoice invoice = depositInvoice(engagementId);
        if (!invoice.isPaid()) {
            throw new IllegalStateException("Deposit invoice " + invoice.getNumber() + " is not paid in full");
        }
        Engagement e = lifecycle.get(engagementId);
        letters.write(e, "deposit.received", "deposit-received/" + invoice.getNumber(), invoice.getNumber(),
                new Money(paidSoFar(invoice), invoice.getCurrency()), invoice.getCurrency());
    }

    /** After a lifted block the overdue invoice gets a new date: a new promise (paid meanwhile: nothing is owed). */
    public Instant renewDueDate(long engagementId, String invoiceNumber, Duration grace) {
        Invoice invoice = invoiceOf(engagementId, invoiceNumber);
        Instant newDue = Time.now().plus(grace);
        if (!invoice.isPaid()) {
            invoice.reschedule(newDue);
            promises.make(party(lifecycle.get(engagementId)), promiseKind(invoice), invoice.getNumber(),
                    "pay the " + INVOICE_WORDS.get(invoice.getKind()) + " " + invoice.getNumber()
                            + " by the date renewed after the block", newDue);
        }
        return newDue;
    }

    private static final java.util.Map<Invoice.Kind, String> INVOICE_WORDS = java.util.Map.of(
            Invoice.Kind.DEPOSIT, "deposit invoice", Invoice.Kind.FINAL, "final invoice",
            Invoice.Kind.CHANGE_ORDER, "change order invoice");

    /** The time a client was blocked does not count: the open invoices' dates move by it. */
    public void postpone(long engagementId, Duration by) {
        invoices.findByEngagementIdOrderByIdAsc(engagementId).stream().filter(i -> !i.isPaid()).forEach(i -> i.postpone(by));
    }

    @Override
    @Transactional(readOnly = true)
    public String describe(long engagementId, String locale) {
        Invoice invoice = depositInvoice(engagementId);
        return letters.fragment("obligation.DEPOSIT", locale, amount(invoice), invoice.getCurrency(), invoice.getNumber(),
                new Money(paidSoFar(invoice), invoice.getCurrency()));
    }

    /** Unpaid in full, after waiting for a payment to it that is being recorded right now. */
    @Override
    public boolean stillUnmet(long engagementId) {
        return invoiceStillUnpaid(engagementId, Invoice.Kind.DEPOSIT);
    }

    /** The newest invoice of the kind is not paid in full (none at all: nothing is owed yet). */
    boolean invoiceStillUnpaid(long engagementId, Invoice.Kind kind) {
        return invoices.lockByEngagementIdAndKind(engagementId, kind).stream().findFirst().map(i -> !i.isPaid()).orElse(false);
    }

    /** While the deposit is due, work has not started: the warning says so, and nothing about a prepayment kept. */
    @Override
    public Consequence consequence(long engagementId) {
        return Consequence.WORK_NOT_STARTED;
    }

    /** Whether the deposit is paid in full, so work has started (false before the deposit invoice is issued). */
    @Transactional(readOnly = true)
    public boolean workStarted(long engagementId) {
        return invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.DEPOSIT)
                .map(Invoice::isPaid).orElse(false);
    }

    /** What the client has paid on the deposit invoice, if anything. */
    @Transactional(readOnly = true)
    public java.util.Optional<Money> prepaid(long engagementId) {
        return invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.DEPOSIT)
                .map(i -> new Money(paidSoFar(i), i.getCurrency())).filter(m -> m.amount().signum() > 0);
    }

    static Money amount(Invoice invoice) {
        return new Money(invoice.getAmount(), invoice.getCurrency());
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoices(long engagementId) {
        return invoices.findByEngagementIdOrderByIdAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public List<Payment> payments(Invoice invoice) {
        return payments.findByInvoiceIdOrderByIdAsc(invoice.getId());
    }

    @Transactional(readOnly = true)
    public List<PaymentOrder> paymentOrders(Invoice invoice) {
        return orders.findByInvoiceIdOrderByIdAsc(invoice.getId());
    }

    private String nextNumber() {
        Long value = jdbc.queryForObject("select nextval('invoice_number_seq')", Long.class);
        return "INV-%d-%06d".formatted(Time.now().atZone(ZoneOffset.UTC).getYear(), value % 1_000_000);
    }

    private static Promise.Party party(Engagement e) {
        return new Promise.Party(e.getClient().getId(), e.getCompany().getId(), e.getId());
    }

}

package com.engagementorchestrator.deposit;

import com.engagementorchestrator.correspondence.Money;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A change order's invoice, as the reminder ladder talks about it: the work on the change waits for it. */
@Component
class ChangeOrderPaymentObligation implements Obligation {

    static final String KIND = "CHANGE_ORDER_PAYMENT";

    private final DepositService payments;
    private final Invoices invoices;
    private final ClientLetters letters;

    ChangeOrderPaymentObligation(DepositService payments, Invoices invoices, ClientLetters letters) {
        this.payments = payments;
        this.invoices = invoices;
        this.letters = letters;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String clientTask() {
        return CollectPaymentProcess.Elements.PAY_INVOICE;
    }

    /** The newest change order invoice: a later change order is invoiced after the earlier one's work started. */
    @Override
    @Transactional(readOnly = true)
    public String describe(long engagementId, String locale) {
        Invoice invoice = invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, Invoice.Kind.CHANGE_ORDER).orElseThrow();
        return letters.fragment("obligation." + KIND, locale, DepositService.amount(invoice), invoice.getCurrency(),
                invoice.getNumber(), new Money(payments.paidSoFar(invoice), invoice.getCurrency()));
    }

    @Override
    @Transactional
    public boolean stillUnmet(long engagementId) {
        return payments.invoiceStillUnpaid(engagementId, Invoice.Kind.CHANGE_ORDER);
    }

    /** The work on the change has not started; the rest of the engagement goes on. */
    @Override
    public Consequence consequence(long engagementId) {
        return Consequence.WORK_NOT_STARTED;
    }
}

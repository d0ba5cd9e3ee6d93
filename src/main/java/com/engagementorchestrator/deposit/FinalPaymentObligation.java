package com.engagementorchestrator.deposit;

import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.correspondence.Money;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import org.springframework.stereotype.Component;

/** The final invoice, as the reminder ladder talks about it (seed 002: first ask whether it was sent and failed). */
@Component
class FinalPaymentObligation implements Obligation {

    private final DepositService payments;
    private final ClientLetters letters;

    FinalPaymentObligation(DepositService payments, ClientLetters letters) {
        this.payments = payments;
        this.letters = letters;
    }

    @Override
    public String kind() {
        return "FINAL_PAYMENT";
    }

    @Override
    public String clientTask() {
        return CollectPaymentProcess.Elements.PAY_INVOICE;
    }

    @Override
    public String describe(long engagementId, String locale) {
        Invoice invoice = payments.finalInvoice(engagementId).orElseThrow();
        return letters.fragment("obligation.FINAL_PAYMENT", locale, DepositService.amount(invoice), invoice.getCurrency(),
                invoice.getNumber(), new Money(payments.paidSoFar(invoice), invoice.getCurrency()));
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean stillUnmet(long engagementId) {
        return payments.invoiceStillUnpaid(engagementId, Invoice.Kind.FINAL);
    }

    /** The work is delivered: silence keeps the full versions withheld (no work left to pause). */
    @Override
    public Consequence consequence(long engagementId) {
        return Consequence.RESULTS_WITHHELD;
    }
}

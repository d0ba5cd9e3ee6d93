package com.engagementorchestrator.deposit;

import com.engagementorchestrator.correspondence.Money;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * An invoice after the deposit, as the reminder ladder talks about it: the newest invoice of its kind, paid in
 * collect-payment's pay task. The deposit is its own obligation (DepositService), whose warning depends on more.
 */
class InvoiceObligation implements Obligation {

    private final String kind;
    private final Invoice.Kind invoiceKind;
    private final Consequence consequence;
    private final DepositService payments;
    private final ClientLetters letters;

    InvoiceObligation(String kind, Invoice.Kind invoiceKind, Consequence consequence, DepositService payments,
                      ClientLetters letters) {
        this.kind = kind;
        this.invoiceKind = invoiceKind;
        this.consequence = consequence;
        this.payments = payments;
        this.letters = letters;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String clientTask() {
        return CollectPaymentProcess.Elements.PAY_INVOICE;
    }

    @Override
    @Transactional(readOnly = true)
    public String describe(long engagementId, String locale) {
        Invoice invoice = payments.newestInvoice(engagementId, invoiceKind).orElseThrow();
        return letters.fragment("obligation." + kind, locale, DepositService.amount(invoice), invoice.getCurrency(),
                invoice.getNumber(), new Money(payments.paidSoFar(invoice), invoice.getCurrency()));
    }

    @Override
    @Transactional
    public boolean stillUnmet(long engagementId) {
        return payments.invoiceStillUnpaid(engagementId, invoiceKind);
    }

    @Override
    public Consequence consequence(long engagementId) {
        return consequence;
    }

    @Configuration(proxyBeanMethods = false)
    static class Kinds {

        /**
         * The final invoice (seed 002: first ask whether it was sent and failed). The work is delivered: silence keeps
         * the full versions withheld (no work left to pause).
         */
        @Bean
        InvoiceObligation finalPaymentObligation(DepositService payments, ClientLetters letters) {
            return new InvoiceObligation("FINAL_PAYMENT", Invoice.Kind.FINAL, Consequence.RESULTS_WITHHELD, payments, letters);
        }

        /**
         * A change order's invoice (the newest: a later change order is invoiced after the earlier one's work
         * started). The work on the change has not started; the rest of the engagement goes on.
         */
        @Bean
        InvoiceObligation changeOrderPaymentObligation(DepositService payments, ClientLetters letters) {
            return new InvoiceObligation("CHANGE_ORDER_PAYMENT", Invoice.Kind.CHANGE_ORDER, Consequence.WORK_NOT_STARTED,
                    payments, letters);
        }
    }
}

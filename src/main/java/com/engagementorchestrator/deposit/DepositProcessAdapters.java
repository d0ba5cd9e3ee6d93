package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.DUE_AT;
import static com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.INVOICE_KIND;
import static com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.INVOICE_NUMBER;
import static com.engagementorchestrator.deposit.CollectPaymentProcess.Variables.PAID;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.PAID_AMOUNT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.PAYMENT_ORDER;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.PAYMENT_ORDER_DECISION;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.common.DueDates;
import com.engagementorchestrator.engagement.BlockingProperties;
import com.engagementorchestrator.engagement.EngagementProcess.Variables;
import com.engagementorchestrator.engagement.EngagementResumed;
import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Inbound adapters of the deposit and final-payment phases and of collect-payment, which collects every invoice: the
 * invoice an instance works on is the one its {@code invoiceNumber} names (set by the step that issued it).
 */
@Configuration(proxyBeanMethods = false)
class DepositProcessAdapters {

    @Bean
    DueDates collectPaymentDueDates() {
        return new DueDates(CollectPaymentProcess.KEY, CollectPaymentProcess.Variables.DUE_DATES);
    }

    @Bean
    JavaDelegate issueDepositInvoice(DepositService deposits) {
        return execution -> toCollect(execution, deposits.issueInvoice(engagementId(execution)));
    }

    @Bean
    JavaDelegate issueFinalInvoice(DepositService deposits) {
        return execution -> toCollect(execution, deposits.issueFinalInvoice(engagementId(execution)));
    }

    /** The issued invoice is the one the call of collect-payment that follows collects. */
    private static void toCollect(org.camunda.bpm.engine.delegate.DelegateExecution execution, Invoice invoice) {
        INVOICE_NUMBER.set(execution, invoice.getNumber());
        EarlierPaymentModels.afterIssue(execution, invoice);
    }

    /** A payment that came before the process got here is not lost: it is in the table already. */
    @Bean
    JavaDelegate readInvoice(DepositService deposits) {
        return execution -> {
            Invoice invoice = deposits.invoiceOf(engagementId(execution), INVOICE_NUMBER.get(execution));
            DUE_AT.set(execution, Date.from(invoice.getDueAt()));
            PAID.set(execution, invoice.isPaid());
        };
    }

    @Bean
    TaskListener showInvoice(InvoiceShown shown, DepositService deposits) {
        return task -> shown.show(task, deposits.invoiceOf(engagementId(task), INVOICE_NUMBER.get(task)));
    }

    @Bean
    InvoiceShown invoiceShown(DepositService deposits) {
        return new InvoiceShown(deposits);
    }

    /** What a pay task shows of its invoice (task-local, read-only). */
    record InvoiceShown(DepositService deposits) {
        void show(org.camunda.bpm.engine.delegate.DelegateTask task, Invoice invoice) {
            BigDecimal paid = deposits.paidSoFar(invoice);
            task.setVariablesLocal(ProcessVariable.values()
                    .with(INVOICE_KIND, invoice.getKind().name())
                    .with(Variables.INVOICE_NUMBER_SHOWN, invoice.getNumber())
                    .with(Variables.INVOICE_AMOUNT, invoice.getAmount().toPlainString())
                    .with(Variables.INVOICE_CURRENCY, invoice.getCurrency())
                    .with(Variables.INVOICE_DUE_DATE, Time.isoDate(invoice.getDueAt()))
                    .with(Variables.INVOICE_PAID_SO_FAR, paid.toPlainString())
                    .with(Variables.INVOICE_REMAINING, invoice.getAmount().subtract(paid).max(BigDecimal.ZERO).toPlainString()));
        }
    }

    /** Moves the uploaded payment order into the domain table; the engine keeps no copy. */
    @Bean
    TaskListener recordPaymentOrder(DepositService deposits) {
        return task -> {
            FileValue file = PAYMENT_ORDER.get(task);
            if (file == null || file.getValue() == null) {
                throw new InvalidInputException(PAYMENT_ORDER.name(), "upload the bank's payment order (PDF, JPEG or PNG), or pay "
                        + "through the payment provider: this task then closes by itself");
            }
            deposits.submitPaymentOrder(engagementId(task), EarlierPaymentModels.invoiceOf(deposits, task).getNumber(), TaskForms.actor(task),
                    file.getFilename(), UploadedFiles.readAll(file.getValue()), TaskForms.amount(task, PAID_AMOUNT));
            TaskForms.consume(task, PAYMENT_ORDER, PAID_AMOUNT);
        };
    }

    @Bean
    TaskListener showPaymentOrder(DepositService deposits) {
        return task -> {
            long engagementId = engagementId(task);
            Invoice invoice = EarlierPaymentModels.invoiceOf(deposits, task);
            PaymentOrder order = deposits.latestPaymentOrder(engagementId, invoice.getNumber());
            BigDecimal paid = deposits.paidSoFar(invoice);
            task.setVariablesLocal(ProcessVariable.values()
                    .with(Variables.INVOICE_NUMBER_SHOWN, invoice.getNumber())
                    .with(Variables.INVOICE_AMOUNT, invoice.getAmount().toPlainString() + " " + invoice.getCurrency())
                    .with(Variables.INVOICE_PAID_SO_FAR, paid.signum() == 0 ? "Nothing yet" : paid.toPlainString() + " " + invoice.getCurrency())
                    .with(Variables.DECLARED_AMOUNT, order.getDeclaredAmount().toPlainString())
                    .with(Variables.PAYMENT_ORDER_NAME, order.getFile().getFileName() + " (" + order.getFile().getContentType() + ")")
                    .with(Variables.PAYMENT_ORDER_URL, "/api/engagements/" + task.getExecution().getProcessBusinessKey()
                            + "/payment-orders/" + order.getId()));
        };
    }

    @Bean
    TaskListener recordPaymentOrderDecision(DepositService deposits) {
        return task -> {
            PaymentOrder.Decision decision = TaskForms.choice(task, PAYMENT_ORDER_DECISION, PaymentOrder.Decision.class);
            Invoice invoice = EarlierPaymentModels.invoiceOf(deposits, task);
            boolean paid = deposits.decidePaymentOrder(engagementId(task), invoice.getNumber(), TaskForms.actor(task),
                    decision, TaskForms.amount(task, Variables.CONFIRMED_AMOUNT),
                    TaskForms.text(task, Variables.PAYMENT_ORDER_REJECTION_REASON));
            TaskForms.consume(task, Variables.CONFIRMED_AMOUNT, Variables.PAYMENT_ORDER_REJECTION_REASON);
            PAYMENT_ORDER_DECISION.set(task, decision.name());
            EarlierPaymentModels.setPaid(task, invoice, paid);
        };
    }

    @Bean
    JavaDelegate renewInvoiceDueDate(DepositService deposits, BlockingProperties blocking) {
        return execution -> {
            long engagementId = engagementId(execution);
            String number = INVOICE_NUMBER.get(execution);
            DUE_AT.set(execution, Date.from(deposits.renewDueDate(engagementId, number, blocking.graceAfterLift())));
            PAID.set(execution, deposits.invoiceOf(engagementId, number).isPaid());
        };
    }

    @Bean
    JavaDelegate confirmDeposit(DepositService deposits) {
        return execution -> deposits.confirmDeposit(engagementId(execution));
    }

    @Bean
    DepositResumption depositResumption(DepositService deposits) {
        return new DepositResumption(deposits);
    }

    /** The blocked time does not count against the client's open invoices. */
    record DepositResumption(DepositService deposits) {
        @EventListener
        public void onResumed(EngagementResumed resumed) {
            if (!resumed.breached()) {
                deposits.postpone(resumed.engagementId(), resumed.pausedFor());
            }
        }
    }
}

package com.engagementorchestrator.deposit;

import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static com.engagementorchestrator.common.ProcessVariable.booleanVariable;
import static com.engagementorchestrator.common.ProcessVariable.dateVariable;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.DueDates;
import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.engagement.BlockingProperties;
import com.engagementorchestrator.engagement.EngagementProcess;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment steps of the models before collect-payment, kept for the engagements still running on them (a version
 * runs to its end; see README, *Migrate running engagements*): those collected the deposit and the final invoice
 * inside the engagement or its phase, with the flags {@code depositPaid}/{@code finalPaid} and the due dates
 * {@code depositDueAt}/{@code finalDueAt}, and worked on "the current invoice" of the engagement (the final one once
 * issued, else the deposit). Remove once no engagement runs on such a version (Cockpit, or GET /api/migrations).
 */
@Configuration(proxyBeanMethods = false)
class EarlierPaymentModels {

    static final ProcessVariable<Date> DEPOSIT_DUE_AT = dateVariable("depositDueAt", PROCESS);
    static final ProcessVariable<Date> FINAL_DUE_AT = dateVariable("finalDueAt", PROCESS);
    static final ProcessVariable<Boolean> DEPOSIT_PAID = booleanVariable("depositPaid", PROCESS);
    static final ProcessVariable<Boolean> FINAL_PAID = booleanVariable("finalPaid", PROCESS);

    /** A step of collect-payment has its invoice's {@code paid} flag (set by its first step); the earlier models never. */
    static boolean collectsOneInvoice(VariableScope scope) {
        return CollectPaymentProcess.Variables.PAID.get(scope) != null;
    }

    /** The invoice a step works on: collect-payment's own, or the earlier models' current one. */
    static Invoice invoiceOf(DepositService deposits, VariableScope scope) {
        long engagementId = engagementId(scope);
        if (collectsOneInvoice(scope)) {
            return deposits.invoiceOf(engagementId, CollectPaymentProcess.Variables.INVOICE_NUMBER.get(scope));
        }
        return deposits.finalInvoice(engagementId).orElseGet(() -> deposits.depositInvoice(engagementId));
    }

    /** Records the outcome where the model looks for it: collect-payment's flag, or the earlier round's. */
    static void setPaid(VariableScope scope, Invoice invoice, boolean paid) {
        if (collectsOneInvoice(scope)) {
            CollectPaymentProcess.Variables.PAID.set(scope, paid);
        } else {
            (invoice.getKind() == Invoice.Kind.FINAL ? FINAL_PAID : DEPOSIT_PAID).set(scope, paid);
        }
    }

    /**
     * The engagement model before the phases issued the invoices inline and read the flag and the due date right
     * after (the phases since call collect-payment, which reads the invoice itself).
     */
    static void afterIssue(DelegateExecution execution, Invoice invoice) {
        String key = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        if (EngagementProcess.KEY.equals(key)) {
            (invoice.getKind() == Invoice.Kind.FINAL ? FINAL_DUE_AT : DEPOSIT_DUE_AT).set(execution, Date.from(invoice.getDueAt()));
            (invoice.getKind() == Invoice.Kind.FINAL ? FINAL_PAID : DEPOSIT_PAID).set(execution, invoice.isPaid());
        }
    }

    @Bean
    DueDates earlierPaymentDueDates() {
        return new DueDates(EngagementProcess.KEY, List.of(DEPOSIT_DUE_AT, FINAL_DUE_AT));
    }

    /** The earlier pay tasks (PayDepositTask, PayFinalInvoiceTask) show the current invoice. */
    @Bean
    TaskListener showDepositInvoice(DepositProcessAdapters.InvoiceShown shown, DepositService deposits) {
        return task -> shown.show(task, invoiceOf(deposits, task));
    }

    @Bean
    JavaDelegate renewDepositDueDate(DepositService deposits, BlockingProperties blocking) {
        return execution -> {
            Invoice invoice = deposits.depositInvoice(engagementId(execution));
            DEPOSIT_DUE_AT.set(execution, Date.from(deposits.renewDueDate(invoice.getEngagementId(), invoice.getNumber(),
                    blocking.graceAfterLift())));
            DEPOSIT_PAID.set(execution, deposits.invoiceOf(invoice.getEngagementId(), invoice.getNumber()).isPaid());
        };
    }

    @Bean
    JavaDelegate renewFinalDueDate(DepositService deposits, BlockingProperties blocking) {
        return execution -> {
            Invoice invoice = deposits.finalInvoice(engagementId(execution)).orElseThrow();
            FINAL_DUE_AT.set(execution, Date.from(deposits.renewDueDate(invoice.getEngagementId(), invoice.getNumber(),
                    blocking.graceAfterLift())));
            FINAL_PAID.set(execution, deposits.invoiceOf(invoice.getEngagementId(), invoice.getNumber()).isPaid());
        };
    }
}

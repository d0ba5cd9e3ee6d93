package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.Time;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.DEPOSIT_DUE_AT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.DEPOSIT_PAID;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.FINAL_DUE_AT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.FINAL_PAID;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.INVOICE_NUMBER;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.PAID_AMOUNT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.PAYMENT_ORDER;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.PAYMENT_ORDER_DECISION;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.BlockingProperties;
import com.engagementorchestrator.engagement.EngagementResumed;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Inbound adapters of the deposit steps of processes/engagement.bpmn. */
@Configuration(proxyBeanMethods = false)
class DepositProcessAdapters {

    @Bean
    JavaDelegate issueDepositInvoice(DepositService deposits) {
        return execution -> {
            Invoice invoice = deposits.issueInvoice(engagementId(execution));
            execution.setVariable(INVOICE_NUMBER, invoice.getNumber());
            execution.setVariable(DEPOSIT_DUE_AT, Date.from(invoice.getDueAt()));
            // A payment that came before the process got here is not lost: it is in the table already.
            execution.setVariable(DEPOSIT_PAID, invoice.isPaid());
        };
    }

    @Bean
    TaskListener showDepositInvoice(DepositService deposits) {
        return task -> {
            Invoice invoice = deposits.currentInvoice(engagementId(task));
            BigDecimal paid = deposits.paidSoFar(invoice);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("invoiceNumber", invoice.getNumber());
            shown.put("invoiceAmount", invoice.getAmount().toPlainString());
            shown.put("invoiceCurrency", invoice.getCurrency());
            shown.put("invoiceDueDate", Time.isoDate(invoice.getDueAt()));
            shown.put("invoicePaidSoFar", paid.toPlainString());
            shown.put("invoiceRemaining", invoice.getAmount().subtract(paid).max(BigDecimal.ZERO).toPlainString());
            task.setVariablesLocal(shown);
        };
    }

    /** Moves the uploaded payment order into the domain table; the engine keeps no copy. */
    @Bean
    TaskListener recordPaymentOrder(DepositService deposits) {
        return task -> {
            FileValue file = task.getVariableTyped(PAYMENT_ORDER);
            if (file == null || file.getValue() == null) {
                throw new InvalidInputException(PAYMENT_ORDER, "upload the bank's payment order (PDF, JPEG or PNG), or pay "
                        + "through the payment provider: this task then closes by itself");
            }
            deposits.submitPaymentOrder(engagementId(task), TaskForms.actor(task), file.getFilename(),
                    UploadedFiles.readAll(file.getValue()), TaskForms.amount(task, PAID_AMOUNT));
            TaskForms.consume(task, PAYMENT_ORDER, PAID_AMOUNT);
        };
    }

    @Bean
    TaskListener showPaymentOrder(DepositService deposits) {
        return task -> {
            long engagementId = engagementId(task);
            PaymentOrder order = deposits.latestPaymentOrder(engagementId);
            Invoice invoice = deposits.currentInvoice(engagementId);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("invoiceNumber", invoice.getNumber());
            shown.put("invoiceAmount", invoice.getAmount().toPlainString() + " " + invoice.getCurrency());
            java.math.BigDecimal paid = deposits.paidSoFar(invoice);
            shown.put("invoicePaidSoFar", paid.signum() == 0 ? "Nothing yet" : paid.toPlainString() + " " + invoice.getCurrency());
            shown.put("declaredAmount", order.getDeclaredAmount().toPlainString());
            shown.put("paymentOrderName", order.getFile().getFileName() + " (" + order.getFile().getContentType() + ")");
            shown.put("paymentOrderUrl", "/api/engagements/" + task.getExecution().getProcessBusinessKey()
                    + "/payment-orders/" + order.getId());
            task.setVariablesLocal(shown);
        };
    }

    @Bean
    TaskListener recordPaymentOrderDecision(DepositService deposits) {
        return task -> {
            PaymentOrder.Decision decision = TaskForms.choice(task, PAYMENT_ORDER_DECISION, PaymentOrder.Decision.class);
            boolean paid = deposits.decidePaymentOrder(engagementId(task), TaskForms.actor(task), decision,
                    TaskForms.amount(task, "confirmedAmount"), TaskForms.text(task, "paymentOrderRejectionReason"));
            TaskForms.consume(task, "confirmedAmount", "paymentOrderRejectionReason");
            task.getExecution().setVariable(PAYMENT_ORDER_DECISION, decision.name());
            // The same forms serve the deposit and the final invoice; the process reads the flag of its round.
            boolean finalRound = deposits.currentInvoice(engagementId(task)).getKind() == Invoice.Kind.FINAL;
            task.getExecution().setVariable(finalRound ? FINAL_PAID : DEPOSIT_PAID, paid);
        };
    }

    @Bean
    JavaDelegate confirmDeposit(DepositService deposits) {
        return execution -> deposits.confirmDeposit(engagementId(execution));
    }

    @Bean
    JavaDelegate renewDepositDueDate(DepositService deposits, BlockingProperties blocking) {
        return execution -> {
            long engagementId = engagementId(execution);
            execution.setVariable(DEPOSIT_DUE_AT, Date.from(deposits.renewDueDate(engagementId, blocking.graceAfterLift())));
            execution.setVariable(DEPOSIT_PAID, deposits.isPaid(engagementId));
        };
    }

    @Bean
    JavaDelegate issueFinalInvoice(DepositService deposits) {
        return execution -> {
            Invoice invoice = deposits.issueFinalInvoice(engagementId(execution));
            execution.setVariable(FINAL_DUE_AT, Date.from(invoice.getDueAt()));
            execution.setVariable(FINAL_PAID, invoice.isPaid());
        };
    }

    @Bean
    JavaDelegate renewFinalDueDate(DepositService deposits, BlockingProperties blocking) {
        return execution -> {
            long engagementId = engagementId(execution);
            execution.setVariable(FINAL_DUE_AT, Date.from(deposits.renewFinalDueDate(engagementId, blocking.graceAfterLift())));
            execution.setVariable(FINAL_PAID, deposits.finalInvoice(engagementId).map(Invoice::isPaid).orElse(false));
        };
    }

    @Bean
    DepositResumption depositResumption(DepositService deposits) {
        return new DepositResumption(deposits);
    }

    /** The blocked time does not count against the client's open deposit. */
    record DepositResumption(DepositService deposits) {
        @EventListener
        public void onResumed(EngagementResumed resumed) {
            if (!resumed.breached()) {
                deposits.postpone(resumed.engagementId(), resumed.pausedFor());
            }
        }
    }
}

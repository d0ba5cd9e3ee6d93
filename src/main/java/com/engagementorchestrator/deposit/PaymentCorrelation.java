package com.engagementorchestrator.deposit;

import com.engagementorchestrator.common.AfterRelease;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementResumed;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers PaymentReceived to the collect-payment instance of an invoice once it is paid in full. The payment is
 * stored first, so nothing is lost when the process is not waiting yet (it reads the invoice when it gets there), is
 * paused by a block, or a correlation fails: a sweep correlates every paid invoice whose instance waits for it.
 */
@Component
public class PaymentCorrelation {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCorrelation.class);

    private final RuntimeService runtime;
    private final Invoices invoices;
    private final EngagementLifecycle lifecycle;
    private final TransactionTemplate transactions;

    public PaymentCorrelation(RuntimeService runtime, Invoices invoices, EngagementLifecycle lifecycle,
                              org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.runtime = runtime;
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        // Its own transaction, opened only when the thread holds none (see AfterRelease): never nested in another.
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Delivers the message once the caller's transaction has committed and given its connection back; a failure is
     * logged and the sweep retries.
     */
    void afterCommit(long engagementId) {
        AfterRelease.afterCommit("PaymentReceived for engagement " + engagementId, () -> correlate(engagementId));
    }

    /** Payments that came while the client was blocked are delivered once the engagement runs again. */
    @EventListener
    void onResumed(EngagementResumed resumed) {
        afterCommit(resumed.engagementId());
    }

    /**
     * The messages of the models before collect-payment, which awaited the deposit and the final invoice by kind; kept
     * for the engagements still running on them (see EarlierPaymentModels).
     */
    static final java.util.Map<String, Invoice.Kind> EARLIER_MESSAGES = java.util.Map.of(
            "DepositReceived", Invoice.Kind.DEPOSIT, "FinalPaymentReceived", Invoice.Kind.FINAL);

    @Scheduled(fixedDelayString = "${engagement.deposit.correlation-sweep-ms:60000}", initialDelay = 60000)
    public void sweep() {
        sweep(CollectPaymentProcess.Messages.PAYMENT_RECEIVED);
        EARLIER_MESSAGES.keySet().forEach(this::sweep);
    }

    private void sweep(String message) {
        runtime.createEventSubscriptionQuery().eventType("message").eventName(message)
                .unlimitedList().forEach(s -> {
                    String instanceId = s.getProcessInstanceId();
                    var engagement = runtime.createProcessInstanceQuery().processInstanceId(instanceId).active().singleResult();
                    if (engagement != null) {
                        // The engagement is looked up and its message delivered one after the other, never nested.
                        transactions.execute(status -> lifecycleId(engagement.getBusinessKey()))
                                .ifPresent(this::correlateQuietly);
                    }
                });
    }

    /** Answers whether a PaymentReceived was delivered. */
    public boolean correlate(long engagementId) {
        AfterRelease.requireNoTransaction("Delivering PaymentReceived");
        Boolean delivered = transactions.execute(status -> {
            var engagement = lifecycle.get(engagementId);
            // A blocked engagement waits for the block, not for the money: its client task is withdrawn, and the
            // message would cut the wait for the lift short. The payment is stored; onResumed delivers it, or the
            // process finds the invoice paid after its new due date.
            if (engagement.getProcessInstanceId() == null
                    || engagement.getStatus() == com.engagementorchestrator.engagement.EngagementStatus.BLOCKED) {
                return false;
            }
            // Every invoice is awaited by its own collect-payment instance in the engagement's hierarchy (same business
            // key), which names it: deliver to those whose invoice is paid.
            boolean any = false;
            for (String instanceId : waiting(engagement.getNumber(), CollectPaymentProcess.Messages.PAYMENT_RECEIVED)) {
                String number = CollectPaymentProcess.Variables.INVOICE_NUMBER.get(runtime, instanceId);
                if (number != null && invoices.findByNumber(number).filter(i -> i.getEngagementId() == engagementId)
                        .map(Invoice::isPaid).orElse(false)) {
                    deliver(CollectPaymentProcess.Messages.PAYMENT_RECEIVED, instanceId);
                    any = true;
                }
            }
            for (var earlier : EARLIER_MESSAGES.entrySet()) {
                if (invoices.findFirstByEngagementIdAndKindOrderByIdDesc(engagementId, earlier.getValue())
                        .map(Invoice::isPaid).orElse(false)) {
                    for (String instanceId : waiting(engagement.getNumber(), earlier.getKey())) {
                        deliver(earlier.getKey(), instanceId);
                        any = true;
                    }
                }
            }
            return any;
        });
        return Boolean.TRUE.equals(delivered);
    }

    /** The instances of the engagement's hierarchy (its number as business key) that wait for the message. */
    private java.util.List<String> waiting(String engagementNumber, String message) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(engagementNumber).messageEventSubscriptionName(message)
                .active().unlimitedList().stream().map(org.camunda.bpm.engine.runtime.Execution::getProcessInstanceId)
                .distinct().toList();
    }

    private void deliver(String message, String instanceId) {
        runtime.createMessageCorrelation(message).processInstanceId(instanceId).correlateWithResult();
    }

    private void correlateQuietly(long engagementId) {
        try {
            correlate(engagementId);
        } catch (RuntimeException e) {
            LOG.warn("PaymentReceived for engagement {} not delivered now, the sweep retries: {}", engagementId, e.getMessage());
        }
    }

    private java.util.Optional<Long> lifecycleId(String engagementNumber) {
        return lifecycle.findByNumber(engagementNumber).map(e -> e.getId());
    }
}

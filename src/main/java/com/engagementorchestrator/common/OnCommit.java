package com.engagementorchestrator.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something light (a metric) only once the current transaction has committed: a job that fails and is retried,
 * or a request answered 4xx after a rollback, counts nothing. Without a transaction it runs at once.
 */
public final class OnCommit {

    private OnCommit() {
    }

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}

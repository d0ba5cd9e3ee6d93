package com.engagementorchestrator.common;

import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * The JPA transaction manager of the application and the engine, which tells {@link AfterRelease} when a thread has
 * opened a physical transaction and when it has given its connection back to the pool.
 */
public class ConnectionReleasingTransactionManager extends JpaTransactionManager {

    @Override
    protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        AfterRelease.opened();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            AfterRelease.released();
        }
    }
}

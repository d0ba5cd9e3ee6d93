package com.engagementorchestrator.common;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Follow-up work of a committed transaction that needs a transaction of its own (delivering a message to a process,
 * resuming a paused engagement). It runs on the same thread, but only once the thread holds no transaction any more
 * and so no pooled connection: opening the follow-up's transaction from the committing one's {@code afterCommit}
 * would hold one connection while waiting for another, and a burst of such threads empties the pool and waits for
 * each other until the pool's timeout (issue 10, item 1). {@link ConnectionReleasingTransactionManager} tells when the
 * last transaction of the thread has given its connection back.
 *
 * <p>A follow-up that fails is logged and left to the sweep that retries it: the committed work stands, and the caller
 * gets its answer.
 */
public final class AfterRelease {

    private static final Logger LOG = LoggerFactory.getLogger(AfterRelease.class);

    /** Physical transactions open (or suspended) on this thread. */
    private static final ThreadLocal<int[]> OPEN = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<Deque<Runnable>> PENDING = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<boolean[]> RUNNING = ThreadLocal.withInitial(() -> new boolean[1]);

    private AfterRelease() {
    }

    /**
     * Runs the work after the current transaction commits and the thread has given back every connection it held;
     * not at all if it rolls back. Without a transaction it runs at once.
     */
    public static void afterCommit(String what, Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommitted(what, work);
                }
            });
        } else {
            afterCommitted(what, work);
        }
    }

    /**
     * For work that learns of the commit only once it happened (an engine listener of the committed transaction,
     * called from Spring's {@code afterCommit}, where a synchronization registered now would never run): runs it when
     * the thread has given back its connection, or at once if it holds none.
     */
    public static void afterCommitted(String what, Runnable work) {
        PENDING.get().add(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("{} not done now, its sweep retries: {}", what, e.toString());
            }
        });
        runPendingIfReleased(); // only when no physical transaction holds a connection (a SUPPORTS scope)
    }

    /** True while the thread holds (or has suspended) a transaction, and so a connection. */
    public static boolean holdsTransaction() {
        return OPEN.get()[0] > 0 || TransactionSynchronizationManager.isActualTransactionActive();
    }

    static void opened() {
        OPEN.get()[0]++;
    }

    static void released() {
        int[] open = OPEN.get();
        open[0] = Math.max(0, open[0] - 1);
        runPendingIfReleased();
    }

    private static void runPendingIfReleased() {
        boolean[] running = RUNNING.get();
        if (OPEN.get()[0] > 0 || running[0]) {
            return; // the outer transaction, or the loop below, runs it once the thread is free
        }
        running[0] = true;
        try {
            Deque<Runnable> pending = PENDING.get();
            Runnable next;
            while ((next = pending.poll()) != null) {
                next.run();
            }
        } finally {
            running[0] = false;
        }
    }

    /** For callers that must not be inside a transaction: fails fast instead of nesting one. */
    public static void requireNoTransaction(String what) {
        if (holdsTransaction()) {
            throw new IllegalStateException(what + " must run outside any transaction (it opens its own); "
                    + "use AfterRelease.afterCommit");
        }
    }

}

package com.engagementorchestrator.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a health check on a thread of its own and waits for it at most a timeout, so health answers quickly even
 * when what it checks hangs (a database that accepts connections and says nothing). A check that still hangs is not
 * started again: the next call waits for the same one, so a dead database never piles up threads.
 */
public final class BoundedProbe {

    private final Duration timeout;
    private final ExecutorService threads;
    private Future<?> running;

    public BoundedProbe(String name, Duration timeout) {
        this.timeout = timeout;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "health-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public Duration timeout() {
        return timeout;
    }

    /** The check's answer, or TimeoutException when it gave none within the timeout; its own failure as thrown. */
    @SuppressWarnings("unchecked")
    public <T> T call(Callable<T> check) throws Exception {
        Future<T> answer;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = threads.submit(check);
            }
            answer = (Future<T>) running;
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    public void stop() {
        threads.shutdownNow();
    }
}

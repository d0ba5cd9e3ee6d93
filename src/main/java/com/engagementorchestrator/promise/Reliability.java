package com.engagementorchestrator.promise;

import java.util.List;

/**
 * How a client keeps their word: promises kept, broken and still open, renegotiated, cancelled (the engagement ended
 * first), and the share kept on time.
 */
public record Reliability(long kept, long broken, long open, long renegotiated, long cancelled, Double onTimeRatio,
                          List<Promise> promises) {

    public static Reliability of(List<Promise> promises) {
        long kept = count(promises, Promise.Status.KEPT);
        long broken = count(promises, Promise.Status.BROKEN);
        Double ratio = kept + broken == 0 ? null : (double) kept / (kept + broken);
        return new Reliability(kept, broken, count(promises, Promise.Status.OPEN), count(promises, Promise.Status.RENEGOTIATED),
                count(promises, Promise.Status.CANCELLED), ratio, promises);
    }

    private static long count(List<Promise> promises, Promise.Status status) {
        return promises.stream().filter(p -> p.getStatus() == status).count();
    }
}

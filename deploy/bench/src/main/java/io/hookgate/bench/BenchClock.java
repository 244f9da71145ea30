package io.hookgate.bench;

/**
 * One monotonic clock for producer timestamps and receiver arrivals, anchored to the wall clock once,
 * so wall-clock adjustments during a run cannot distort latencies.
 */
public final class BenchClock {

    private static final long WALL_MICROS = System.currentTimeMillis() * 1000L;
    private static final long NANO_BASE = System.nanoTime();

    private BenchClock() {
    }

    /** Epoch microseconds. */
    public static long nowMicros() {
        return WALL_MICROS + (System.nanoTime() - NANO_BASE) / 1000L;
    }

    /** Epoch milliseconds, used as the Kafka record timestamp (CreateTime). */
    public static long nowMillis() {
        return nowMicros() / 1000L;
    }
}

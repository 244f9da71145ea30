package io.hookgate.pull.wake;

import java.time.Duration;

/** Reconnect pauses of the LISTEN connection: doubling from {@code min}, capped at {@code max}. */
record Backoff(Duration min, Duration max) {

    /** The pause before attempt {@code failures + 1}, where {@code failures} attempts in a row have failed. */
    long delayMillis(int failures) {
        long base = Math.max(1, min.toMillis());
        long cap = Math.max(base, max.toMillis());
        int shift = Math.min(Math.max(failures, 0), 30);
        return Math.min(cap, base << shift);
    }
}

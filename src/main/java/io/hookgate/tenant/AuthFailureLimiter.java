package io.hookgate.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client address that only failed authentications drain. While a bucket is empty every call
 * from that address is refused before its key is checked, so the limit cannot be used as a key-guessing oracle.
 * Memory is bounded: past {@code maxClients} the least recently seen address is dropped.
 */
public final class AuthFailureLimiter {

    private final double burst;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    public AuthFailureLimiter(int burst, Duration refill, int maxClients, Clock clock) {
        if (burst < 1 || refill.isNegative() || refill.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("burst, refill and maxClients must be positive");
        }
        this.burst = burst;
        this.tokensPerNano = burst / (double) refill.toNanos();
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** How long the client must wait before its next attempt is considered, or empty if it may try now. */
    public synchronized Optional<Duration> blockedFor(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            return Optional.empty();
        }
        double tokens = bucket.refilled(now());
        if (tokens >= 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
    }

    /** Spends one token of the client's allowance. */
    public synchronized void recordFailure(String client) {
        Instant now = now();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        bucket.tokens = Math.max(0, bucket.refilled(now) - 1);
        bucket.at = now;
    }

    /** Forgets every client; for tests and operators. */
    public synchronized void clear() {
        buckets.clear();
    }

    private Instant now() {
        return clock.instant();
    }

    private final class Bucket {
        private double tokens;
        private Instant at;

        private Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }

        private double refilled(Instant now) {
            long elapsed = Math.max(0, Duration.between(at, now).toNanos());
            return Math.min(burst, tokens + elapsed * tokensPerNano);
        }
    }
}

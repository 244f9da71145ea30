package io.hookgate.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client address that only failed authentications drain; the filter answers 429 instead of
 * 401 to an address whose bucket is empty. Valid keys are checked before the bucket and never refused, so the
 * limiter cannot lock out a key holder that shares an address with someone who fails. It is therefore no
 * barrier against guessing (a 429 says "invalid" as plainly as a 401): key entropy is that barrier (tenant
 * keys carry a 256-bit secret, admin keys are at least 24 characters and generated randomly by the scripts).
 * The limiter bounds the work and log noise of failing clients and tells well-behaved ones to back off.
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

package io.hookgate.subscription;

import java.time.Duration;

/** Bounds of a pull subscription's {@code retention} (SPEC 11); an absent field keeps its default (or old value). */
final class RetentionRules {

    static final long MAX_MESSAGES = 10_000_000;
    static final long MIN_BYTES = 1024;
    static final long MAX_BYTES = 10L * 1024 * 1024 * 1024;
    static final Duration MAX_AGE = Duration.ofDays(365);

    private RetentionRules() {
    }

    /** The limits {@code requested} asks for on top of {@code base}; field errors go to {@code rules}. */
    static PullLimits apply(PullRetention requested, PullLimits base, SubscriptionRules rules) {
        if (requested == null) {
            return base;
        }
        long messages = base.maxMessages();
        long bytes = base.maxBytes();
        long age = base.maxAgeSeconds();
        if (requested.maxMessages() != null) {
            messages = requested.maxMessages();
            if (messages < 1 || messages > MAX_MESSAGES) {
                rules.fieldError("retention.max_messages", "max_messages must be from 1 to " + MAX_MESSAGES);
            }
        }
        if (requested.maxBytes() != null) {
            bytes = requested.maxBytes();
            if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
                rules.fieldError("retention.max_bytes", "max_bytes must be from " + MIN_BYTES + " to " + MAX_BYTES);
            }
        }
        if (requested.maxAge() != null) {
            age = ExpireAfter.within(requested.maxAge(), Duration.ofSeconds(1), MAX_AGE).map(Duration::getSeconds)
                    .orElse(-1L);
            if (age < 0) {
                rules.fieldError("retention.max_age", "max_age must be a duration from 1s to 365d, such as \"7d\"");
            }
        }
        return new PullLimits(messages, bytes, age);
    }
}

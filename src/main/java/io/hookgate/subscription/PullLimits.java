package io.hookgate.subscription;

import java.time.Duration;

/** The stored retention of a pull subscription (SPEC 11), validated. */
public record PullLimits(long maxMessages, long maxBytes, long maxAgeSeconds) {

    public static final PullLimits DEFAULTS = new PullLimits(PullRetention.DEFAULT_MAX_MESSAGES,
            PullRetention.DEFAULT_MAX_BYTES, PullRetention.DEFAULT_MAX_AGE_SECONDS);

    /** As the API shows it. */
    public PullRetention view() {
        return new PullRetention(maxMessages, maxBytes, ExpireAfter.format(Duration.ofSeconds(maxAgeSeconds)));
    }
}

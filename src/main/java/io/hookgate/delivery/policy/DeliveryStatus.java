package io.hookgate.delivery.policy;

import java.util.Locale;

/** The {@code deliveries.status} column: a closed set, stored as its lower-case {@link #value()}. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (or for one in flight). */
    PENDING,
    /** A 2xx was received. */
    DELIVERED,
    /** Ended without a 2xx: exhausted, 410, expired, or its subscription disabled. */
    FAILED;

    /** The stored value, e.g. {@code pending}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

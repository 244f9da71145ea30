package io.hookgate.delivery.policy;

import java.util.Locale;

/** The {@code outcome} label of {@code hookgate_deliveries_total} (SPEC §8): a closed set. */
public enum DeliveryOutcome {
    /** A 2xx. */
    DELIVERED,
    /** A failed attempt that will be retried. */
    RETRY,
    /** A delivery that ended failed: exhausted, 410, or its subscription disabled. */
    FAILED,
    /** The egress policy refused the URL or its address (an attempt, retried or final). */
    EGRESS_DENIED,
    /** The endpoint's host name did not resolve (an attempt, retried or final). */
    DNS_FAILURE,
    /** The event outlived the subscription's {@code expire_after}: failed without a further attempt. */
    EXPIRED;

    /** The label value, e.g. {@code dns_failure}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

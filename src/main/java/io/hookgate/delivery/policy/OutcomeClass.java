package io.hookgate.delivery.policy;

/** What the dispatcher does with an attempt's outcome. */
public enum OutcomeClass {
    /** 2xx: the delivery is done. */
    DELIVERED,
    /** 410 Gone: the delivery fails at once and the subscription is disabled. */
    GONE,
    /** Any other failure: retried per {@link RetryPolicy} until exhausted. */
    RETRYABLE
}

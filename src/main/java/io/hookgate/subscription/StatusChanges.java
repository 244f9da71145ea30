package io.hookgate.subscription;

import java.util.UUID;

/**
 * Told when a caller disables or re-activates a subscription (its row says so already). Implemented by
 * delivery/, which fails the pending deliveries; an interface here so subscription/ never imports delivery/.
 */
public interface StatusChanges {

    /** The subscription was just disabled. */
    void disabled(UUID subscriptionId);

    /** The subscription is active again. */
    void activated(UUID subscriptionId);
}

package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Answer of a successful create: the subscription plus its secret, the only time the secret is shown. */
public record CreatedSubscription(
        @JsonUnwrapped SubscriptionView subscription,
        @JsonProperty("secret") String secret) {

    @Override
    public String toString() {
        return "CreatedSubscription[id=" + subscription.id() + ", secret=***]";
    }
}

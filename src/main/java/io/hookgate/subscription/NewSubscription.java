package io.hookgate.subscription;

import io.hookgate.secrets.SecretCipher;
import java.util.List;
import java.util.UUID;

/** A validated, verified subscription ready to insert, with its secret already sealed for this id. */
public record NewSubscription(
        UUID id,
        UUID tenantId,
        SubscriptionMode mode,
        /* null for pull subscriptions */
        String url,
        List<String> eventTypes,
        List<String> channels,
        SubscriptionFormat format,
        String description,
        Integer expireAfterSeconds,
        SecretCipher.Sealed secret,
        PullLimits retention) {
}

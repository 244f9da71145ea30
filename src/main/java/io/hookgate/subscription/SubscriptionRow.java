package io.hookgate.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code subscriptions}, every column. Secrets are held only as ciphertext; open them with
 * {@link SubscriptionSecrets}. {@code channels} null means every channel the tenant is allowed.
 */
public record SubscriptionRow(
        UUID id,
        UUID tenantId,
        SubscriptionMode mode,
        /* null for pull subscriptions */
        String url,
        List<String> eventTypes,
        List<String> channels,
        SubscriptionFormat format,
        String description,
        SubscriptionStatus status,
        String disabledReason,
        int secretKeyVersion,
        byte[] secretCiphertext,
        Integer previousKeyVersion,
        byte[] previousCiphertext,
        Instant previousExpiresAt,
        Instant failingSince,
        Integer expireAfterSeconds,
        PullLimits retention,
        Instant createdAt,
        Instant updatedAt) {

    public static final SubscriptionStatus ACTIVE = SubscriptionStatus.ACTIVE;
    public static final SubscriptionStatus DISABLED = SubscriptionStatus.DISABLED;
    public static final SubscriptionFormat FORMAT_STANDARD = SubscriptionFormat.STANDARD;
    public static final SubscriptionFormat FORMAT_EVENTYAY = SubscriptionFormat.EVENTYAY;

    public SubscriptionRow {
        eventTypes = List.copyOf(eventTypes);
        channels = channels == null ? null : List.copyOf(channels);
    }

    /** True when the subscription receives deliveries. */
    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }

    /** True for a pull subscription (SPEC 11): its events are stored for clients to read, never sent. */
    public boolean isPull() {
        return mode == SubscriptionMode.PULL;
    }

    /** True when the subscription listens on every channel of its tenant. */
    public boolean allChannels() {
        return channels == null;
    }

    // Ciphertexts are not secret, but keeping them out of logs avoids noise and guesswork.
    @Override
    public String toString() {
        return "SubscriptionRow[id=" + id + ", tenantId=" + tenantId + ", mode=" + mode + ", status=" + status
                + ", eventTypes=" + eventTypes + ", channels=" + channels + ", format=" + format + "]";
    }
}

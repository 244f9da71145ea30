package io.hookgate.subscription;

import io.hookgate.secrets.SecretCipher;
import io.hookgate.secrets.SecretSlots;
import io.hookgate.secrets.SecretsConfig;
import io.hookgate.secrets.SubscriptionAad;
import io.hookgate.signing.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seals, opens and rotates subscription signing secrets. The plaintext is the secret's text (so the
 * eventyay signature can use its exact bytes); the AAD binds each ciphertext to its row and slot.
 */
@ApplicationScoped
public class SubscriptionSecrets {

    private final SecretCipher cipher;
    private final Duration rotationOverlap;
    private final SecureRandom random;

    @Inject
    public SubscriptionSecrets(SecretCipher cipher, SecretsConfig config) {
        this(cipher, config.rotationOverlap(), new SecureRandom());
    }

    public SubscriptionSecrets(SecretCipher cipher, Duration rotationOverlap, SecureRandom random) {
        this.cipher = cipher;
        this.rotationOverlap = rotationOverlap;
        this.random = random;
    }

    /** AAD of the current-secret slot. */
    public static String currentAad(UUID subscriptionId) {
        return SubscriptionAad.current(subscriptionId);
    }

    /** AAD of the previous-secret slot (kept during a rotation overlap). */
    public static String previousAad(UUID subscriptionId) {
        return SubscriptionAad.previous(subscriptionId);
    }

    /** A fresh {@code whsec_} secret of 32 random bytes. */
    public WebhookSecret generate() {
        return WebhookSecret.generate(random);
    }

    /** Seals a secret into the current slot of this subscription. */
    public SecretCipher.Sealed sealCurrent(UUID subscriptionId, WebhookSecret secret) {
        return cipher.seal(secret.text().getBytes(StandardCharsets.UTF_8), currentAad(subscriptionId));
    }

    /** The current secret; used for the eventyay signature, which always signs with the current secret. */
    public WebhookSecret current(SubscriptionRow row) {
        byte[] text = cipher.open(row.secretKeyVersion(), row.secretCiphertext(), currentAad(row.id()));
        return WebhookSecret.parse(new String(text, StandardCharsets.UTF_8));
    }

    /**
     * The keys to sign with at {@code now}, newest first: the current secret, then the previous one while
     * {@code now} is before its expiry. Standard Webhooks signatures list them in this order.
     */
    public List<WebhookSecret> signingKeys(SubscriptionRow row, Instant now) {
        List<WebhookSecret> keys = new ArrayList<>(2);
        keys.add(current(row));
        if (previousValidAt(row, now)) {
            byte[] text = cipher.open(row.previousKeyVersion(), row.previousCiphertext(), previousAad(row.id()));
            keys.add(WebhookSecret.parse(new String(text, StandardCharsets.UTF_8)));
        }
        return List.copyOf(keys);
    }

    /**
     * The slots after rotating to {@code next}: the old current secret moves to the previous slot (re-sealed
     * under that slot's AAD) until {@code now + rotation overlap}; an older previous secret is dropped.
     */
    public SecretSlots rotate(SubscriptionRow locked, WebhookSecret next, Instant now) {
        byte[] oldCurrent = cipher.open(locked.secretKeyVersion(), locked.secretCiphertext(), currentAad(locked.id()));
        SecretCipher.Sealed previous = cipher.seal(oldCurrent, previousAad(locked.id()));
        return new SecretSlots(sealCurrent(locked.id(), next), previous, now.plus(rotationOverlap));
    }

    private static boolean previousValidAt(SubscriptionRow row, Instant now) {
        return row.previousCiphertext() != null && row.previousKeyVersion() != null
                && row.previousExpiresAt() != null && now.isBefore(row.previousExpiresAt());
    }
}

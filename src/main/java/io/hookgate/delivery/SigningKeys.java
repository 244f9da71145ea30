package io.hookgate.delivery;

import io.hookgate.secrets.SecretCipher;
import io.hookgate.secrets.SubscriptionAad;
import io.hookgate.signing.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens a claimed subscription's sealed secrets: the current key, then the previous one while it overlaps.
 * Opened keys are cached per subscription and reused while the claimed row carries the same ciphertexts,
 * so AES-GCM runs once per secret instead of once per attempt; a rotation changes the ciphertext.
 */
@ApplicationScoped
public class SigningKeys {

    /** Bound on cached subscriptions; past it the cache starts over (a miss only costs one decryption). */
    static final int MAX_CACHED = 50_000;

    private final SecretCipher cipher;
    private final Map<UUID, Opened> cache = new ConcurrentHashMap<>();

    public SigningKeys(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The keys to sign with at {@code now}, newest first. */
    public List<WebhookSecret> forDelivery(ClaimedDelivery d, Instant now) {
        Opened keys = opened(d);
        ClaimedDelivery.Subscription s = d.subscription();
        if (keys.previous() != null && now.isBefore(s.previousExpiresAt())) {
            return List.of(keys.current(), keys.previous());
        }
        return List.of(keys.current());
    }

    private Opened opened(ClaimedDelivery d) {
        ClaimedDelivery.Subscription s = d.subscription();
        Opened cached = cache.get(d.subscriptionId());
        if (cached != null && cached.sealedFrom(s)) {
            return cached;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        WebhookSecret current = open(s.secretKeyVersion(), s.secretCiphertext(),
                SubscriptionAad.current(d.subscriptionId()));
        WebhookSecret previous = s.previousCiphertext() == null || s.previousExpiresAt() == null ? null
                : open(s.previousKeyVersion(), s.previousCiphertext(),
                        SubscriptionAad.previous(d.subscriptionId()));
        Opened fresh = new Opened(s.secretCiphertext(), s.previousCiphertext(), current, previous);
        cache.put(d.subscriptionId(), fresh);
        return fresh;
    }

    private WebhookSecret open(int version, byte[] sealed, String aad) {
        byte[] plain = cipher.open(version, sealed, aad);
        return WebhookSecret.parse(new String(plain, StandardCharsets.UTF_8));
    }

    /** Keys opened from these ciphertexts; a random nonce per seal makes each ciphertext unique. */
    private record Opened(byte[] currentSealed, byte[] previousSealed, WebhookSecret current,
            WebhookSecret previous) {

        boolean sealedFrom(ClaimedDelivery.Subscription s) {
            return Arrays.equals(currentSealed, s.secretCiphertext())
                    && Arrays.equals(previousSealed, s.previousCiphertext());
        }
    }
}

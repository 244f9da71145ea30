package io.hookgate.delivery;

import io.hookgate.secrets.SecretCipher;
import io.hookgate.signing.WebhookSecret;
import io.hookgate.subscription.SubscriptionSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Opens a claimed subscription's sealed secrets: the current key, then the previous one while it overlaps. */
@ApplicationScoped
public class SigningKeys {

    private final SecretCipher cipher;

    public SigningKeys(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public List<WebhookSecret> forDelivery(ClaimedDelivery d, Instant now) {
        ClaimedDelivery.Subscription s = d.subscription();
        List<WebhookSecret> keys = new ArrayList<>(2);
        keys.add(open(s.secretKeyVersion(), s.secretCiphertext(), SubscriptionSecrets.currentAad(d.subscriptionId())));
        if (s.previousCiphertext() != null && s.previousExpiresAt() != null && now.isBefore(s.previousExpiresAt())) {
            keys.add(open(s.previousKeyVersion(), s.previousCiphertext(),
                    SubscriptionSecrets.previousAad(d.subscriptionId())));
        }
        return keys;
    }

    private WebhookSecret open(int version, byte[] sealed, String aad) {
        byte[] plain = cipher.open(version, sealed, aad);
        return WebhookSecret.parse(new String(plain, StandardCharsets.UTF_8));
    }
}

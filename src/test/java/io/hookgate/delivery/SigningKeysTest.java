package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.secrets.SecretCipher;
import io.hookgate.signing.WebhookSecret;
import io.hookgate.secrets.SubscriptionAad;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SecretCipher cipher = new SecretCipher(1, new byte[32], new SecureRandom());
    private final SigningKeys keys = new SigningKeys(cipher);
    private final UUID id = UUID.randomUUID();

    private ClaimedDelivery claimed(String current, String previous, Instant previousExpires) {
        SecretCipher.Sealed cur = cipher.seal(current.getBytes(StandardCharsets.UTF_8), SubscriptionAad.current(id));
        SecretCipher.Sealed prev = previous == null ? null
                : cipher.seal(previous.getBytes(StandardCharsets.UTF_8), SubscriptionAad.previous(id));
        var sub = new ClaimedDelivery.Subscription("https://example.com/hook", io.hookgate.subscription.SubscriptionFormat.STANDARD, "active", cur.keyVersion(),
                cur.blob(), prev == null ? null : prev.keyVersion(), prev == null ? null : prev.blob(),
                previousExpires, null, null);
        return new ClaimedDelivery(UUID.randomUUID(), "evt_x", id, UUID.randomUUID(), "chat.message", 0, 0, NOW, null,
                NOW, NOW.plusSeconds(60), sub, new ClaimedDelivery.Event(NOW.toString(), "{}"));
    }

    @Test
    void previousKeySignsOnlyUntilItExpires() {
        String current = "whsec_" + "A".repeat(43) + "=";
        String previous = "a-raw-shared-secret-of-24+chars";
        ClaimedDelivery d = claimed(current, previous, NOW.plusSeconds(10));

        assertThat(keys.forDelivery(d, NOW)).extracting(WebhookSecret::text).containsExactly(current, previous);
        assertThat(keys.forDelivery(d, NOW.plusSeconds(10))).extracting(WebhookSecret::text).containsExactly(current);
    }

    @Test
    void aRotatedSecretIsPickedUpDespiteTheCache() {
        ClaimedDelivery before = claimed("first-raw-secret-for-the-cache-test", null, null);
        ClaimedDelivery after = claimed("second-raw-secret-after-rotation-x", "first-raw-secret-for-the-cache-test",
                NOW.plusSeconds(60));

        assertThat(keys.forDelivery(before, NOW)).extracting(WebhookSecret::text)
                .containsExactly("first-raw-secret-for-the-cache-test");
        assertThat(keys.forDelivery(after, NOW)).extracting(WebhookSecret::text)
                .containsExactly("second-raw-secret-after-rotation-x", "first-raw-secret-for-the-cache-test");
    }
}

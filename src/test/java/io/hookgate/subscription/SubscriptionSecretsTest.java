package io.hookgate.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.secrets.SecretCipher;
import io.hookgate.secrets.SecretCipherException;
import io.hookgate.secrets.SecretSlots;
import io.hookgate.signing.WebhookSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionSecretsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SecretCipher cipher = new SecretCipher(1, new byte[32], new SecureRandom());
    private final SubscriptionSecrets secrets =
            new SubscriptionSecrets(cipher, Duration.ofHours(24), new SecureRandom());

    @Test
    void signingKeysAreTheCurrentSecretOnlyBeforeAnyRotation() {
        WebhookSecret secret = secrets.generate();
        SubscriptionRow row = row(UUID.randomUUID(), secret);

        assertThat(secrets.signingKeys(row, NOW)).containsExactly(secret);
    }

    @Test
    void afterRotationBothKeysSignNewestFirstUntilTheOverlapEnds() {
        WebhookSecret old = secrets.generate();
        WebhookSecret next = WebhookSecret.parse("eventyay-shared-secret-0123456789");
        SubscriptionRow row = row(UUID.randomUUID(), old);

        SecretSlots slots = secrets.rotate(row, next, NOW);
        SubscriptionRow rotated = withSlots(row, slots);

        assertThat(slots.previousExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(secrets.signingKeys(rotated, NOW)).containsExactly(next, old);
        assertThat(secrets.signingKeys(rotated, slots.previousExpiresAt().minusMillis(1))).containsExactly(next, old);
        assertThat(secrets.signingKeys(rotated, slots.previousExpiresAt())).containsExactly(next);
        assertThat(secrets.current(rotated)).isEqualTo(next);
    }

    @Test
    void ciphertextIsBoundToItsRowAndSlot() {
        WebhookSecret secret = secrets.generate();
        SubscriptionRow row = row(UUID.randomUUID(), secret);
        SubscriptionRow copiedToOtherRow = new SubscriptionRow(UUID.randomUUID(), row.tenantId(), row.mode(), row.url(),
                row.eventTypes(), null, row.format(), null, row.status(), null, row.secretKeyVersion(),
                row.secretCiphertext(), 1, row.secretCiphertext(), NOW.plusSeconds(60), null, null, row.retention(), NOW, NOW);

        assertThatThrownBy(() -> secrets.current(copiedToOtherRow)).isInstanceOf(SecretCipherException.class);
        SubscriptionRow currentInPreviousSlot = withSlots(row, new SecretSlots(
                new SecretCipher.Sealed(1, row.secretCiphertext()), new SecretCipher.Sealed(1, row.secretCiphertext()),
                NOW.plusSeconds(60)));
        assertThatThrownBy(() -> secrets.signingKeys(currentInPreviousSlot, NOW))
                .isInstanceOf(SecretCipherException.class);
    }

    private SubscriptionRow row(UUID id, WebhookSecret secret) {
        SecretCipher.Sealed sealed = secrets.sealCurrent(id, secret);
        return new SubscriptionRow(id, UUID.randomUUID(), SubscriptionMode.PUSH, "https://example.com/hook", List.of("chat.message"), null,
                SubscriptionFormat.STANDARD, null, SubscriptionStatus.ACTIVE, null, sealed.keyVersion(), sealed.blob(),
                null, null, null, null, null, PullLimits.DEFAULTS, NOW, NOW);
    }

    private static SubscriptionRow withSlots(SubscriptionRow row, SecretSlots slots) {
        return new SubscriptionRow(row.id(), row.tenantId(), row.mode(), row.url(), row.eventTypes(), row.channels(),
                row.format(), row.description(), row.status(), row.disabledReason(),
                slots.current().keyVersion(), slots.current().blob(), slots.previous().keyVersion(),
                slots.previous().blob(), slots.previousExpiresAt(), row.failingSince(), row.expireAfterSeconds(),
                row.retention(), row.createdAt(), row.updatedAt());
    }
}

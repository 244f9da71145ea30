package io.hookgate.inbound.source;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceSecret;
import io.hookgate.secrets.SealedTable;
import io.hookgate.secrets.SecretCipher;
import io.hookgate.secrets.SecretSlots;
import io.hookgate.secrets.SecretsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Seals, opens and rotates inbound source secrets with the master-key cipher subscriptions use. The plaintext is
 * the secret's text; the AAD ({@code source:<id>:current|previous}) binds each ciphertext to its row and slot.
 */
@ApplicationScoped
public class SourceSecrets {

    private final SecretCipher cipher;
    private final Duration rotationOverlap;
    private final SecureRandom random;

    @Inject
    public SourceSecrets(SecretCipher cipher, SecretsConfig config) {
        this(cipher, config.rotationOverlap(), new SecureRandom());
    }

    SourceSecrets(SecretCipher cipher, Duration rotationOverlap, SecureRandom random) {
        this.cipher = cipher;
        this.rotationOverlap = rotationOverlap;
        this.random = random;
    }

    static String currentAad(UUID id) {
        return SealedTable.INBOUND_SOURCES.currentAad(id);
    }

    static String previousAad(UUID id) {
        return SealedTable.INBOUND_SOURCES.previousAad(id);
    }

    /** A fresh secret text for a source of this type. */
    public String generate(SourceType type) {
        return SourceSecret.generate(type, random);
    }

    /** Seals {@code text} into the current slot of source {@code id}. */
    public SecretCipher.Sealed sealCurrent(UUID id, String text) {
        return cipher.seal(text.getBytes(StandardCharsets.UTF_8), currentAad(id));
    }

    /** The keys that verify requests of this source: current, and previous until it expires. */
    public SourceKeys keys(SourceRow row) {
        SourceSecret current = SourceSecret.of(row.type(), open(row.secretKeyVersion(), row.secretCiphertext(),
                currentAad(row.id())));
        if (row.previousCiphertext() == null || row.previousKeyVersion() == null
                || row.previousExpiresAt() == null) {
            return SourceKeys.of(current);
        }
        SourceSecret previous = SourceSecret.of(row.type(), open(row.previousKeyVersion(),
                row.previousCiphertext(), previousAad(row.id())));
        return new SourceKeys(current, previous, row.previousExpiresAt());
    }

    /** The slots after rotating the locked row to {@code next} at {@code now}; an older previous is dropped. */
    public SecretSlots rotate(SourceRow locked, String next, Instant now) {
        byte[] old = cipher.open(locked.secretKeyVersion(), locked.secretCiphertext(), currentAad(locked.id()));
        return new SecretSlots(sealCurrent(locked.id(), next), cipher.seal(old, previousAad(locked.id())),
                now.plus(rotationOverlap));
    }

    private String open(int version, byte[] blob, String aad) {
        return new String(cipher.open(version, blob, aad), StandardCharsets.UTF_8);
    }
}

package io.hookgate.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.secrets.SecretCipher.Sealed;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {

    private static final byte[] SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".getBytes(StandardCharsets.UTF_8);
    private static final String ROW = "subscription:7f1c2a4e-0000-4000-8000-000000000001:current";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key1 = randomKey();
    private final byte[] key2 = randomKey();
    private final SecretCipher cipher = new SecretCipher(1, key1, RANDOM);

    @Test
    void sealedSecretOpensWithTheSameAad() {
        Sealed sealed = cipher.seal(SECRET, ROW);

        assertThat(sealed.keyVersion()).isEqualTo(1);
        assertThat(cipher.open(sealed, ROW)).isEqualTo(SECRET);
        assertThat(cipher.open(sealed.keyVersion(), sealed.blob(), ROW)).isEqualTo(SECRET);
    }

    @Test
    void blobIsNonceCiphertextAndTag() {
        Sealed sealed = cipher.seal(SECRET, ROW);
        assertThat(sealed.blob()).hasSize(12 + SECRET.length + 16);
    }

    @Test
    void eachSealUsesAFreshNonce() {
        Sealed first = cipher.seal(SECRET, ROW);
        Sealed second = cipher.seal(SECRET, ROW);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(first.blob(), 12)).isNotEqualTo(Arrays.copyOf(second.blob(), 12));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, 12, 30, 12 + 38 + 15})
    void tamperedCiphertextIsRejected(int position) {
        byte[] blob = cipher.seal(SECRET, ROW).blob();
        blob[position] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(1, blob, ROW))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void ciphertextFromAnotherRowDoesNotOpen() {
        Sealed sealed = cipher.seal(SECRET, ROW);
        String otherRow = "subscription:7f1c2a4e-0000-4000-8000-000000000002:current";

        assertThatThrownBy(() -> cipher.open(sealed, otherRow)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void currentSlotCiphertextDoesNotOpenAsPreviousSlot() {
        Sealed sealed = cipher.seal(SECRET, ROW);
        String previousSlot = ROW.replace(":current", ":previous");

        assertThatThrownBy(() -> cipher.open(sealed, previousSlot)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void ciphertextUnderAnotherKeyDoesNotOpen() {
        Sealed sealed = new SecretCipher(1, key2, RANDOM).seal(SECRET, ROW);
        assertThatThrownBy(() -> cipher.open(sealed, ROW)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void truncatedBlobIsRejected() {
        assertThatThrownBy(() -> cipher.open(1, new byte[27], ROW))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void unknownKeyVersionIsRejected() {
        Sealed sealed = cipher.seal(SECRET, ROW);
        assertThatThrownBy(() -> cipher.open(2, sealed.blob(), ROW))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void rowsSealedUnderOldMasterKeyStillOpenAfterRotation() {
        Sealed old = cipher.seal(SECRET, ROW);
        SecretCipher rotated = new SecretCipher(2, Map.of(1, key1, 2, key2), RANDOM);

        Sealed fresh = rotated.seal(SECRET, ROW);

        assertThat(rotated.currentKeyVersion()).isEqualTo(2);
        assertThat(fresh.keyVersion()).isEqualTo(2);
        assertThat(rotated.open(old, ROW)).isEqualTo(SECRET);
        assertThat(rotated.open(fresh, ROW)).isEqualTo(SECRET);
        assertThatThrownBy(() -> cipher.open(fresh, ROW)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void errorMessagesNeverContainKeyOrPlaintext() {
        byte[] blob = cipher.seal(SECRET, ROW).blob();
        blob[20] ^= 1;

        assertThatThrownBy(() -> cipher.open(1, blob, ROW))
                .message().doesNotContain("whsec_").doesNotContain(new String(key1, StandardCharsets.ISO_8859_1));
    }

    @Test
    void blankAadIsRefusedBecauseItWouldBindToNoRow() {
        assertThatThrownBy(() -> cipher.seal(SECRET, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(1, new byte[40], null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33})
    void keysThatAreNot32BytesAreRefused(int length) {
        assertThatThrownBy(() -> new SecretCipher(1, new byte[length], RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currentVersionMustHaveAKey() {
        assertThatThrownBy(() -> new SecretCipher(3, Map.of(1, key1), RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyPlaintextRoundTrips() {
        assertThat(cipher.open(cipher.seal(new byte[0], ROW), ROW)).isEmpty();
    }

    @Test
    void sealedToStringShowsNoBytes() {
        assertThat(cipher.seal(SECRET, ROW).toString()).isEqualTo("Sealed[keyVersion=1, bytes=66]");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}

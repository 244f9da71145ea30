package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.hookgate.tenant.ApiKeyCodec.Generated;
import io.hookgate.tenant.ApiKeyCodec.Parsed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyCodecTest {

    private final ApiKeyCodec codec = new ApiKeyCodec();

    @Test
    void generatedKeyHasTheDocumentedShape() {
        Generated generated = codec.generate();

        assertThat(generated.keyId()).matches("[a-z2-7]{16}");
        assertThat(generated.key()).matches("hg_[a-z2-7]{16}_[A-Za-z0-9_-]{43}")
                .startsWith("hg_" + generated.keyId() + "_");
    }

    @Test
    void generatedKeyParsesBackToItsIdAndMatchesItsStoredHash() throws Exception {
        Generated generated = codec.generate();

        Parsed parsed = codec.parse(generated.key()).orElseThrow();

        assertThat(parsed.keyId()).isEqualTo(generated.keyId());
        assertThat(generated.key()).endsWith("_" + parsed.secret());
        assertThat(generated.secretHash()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(parsed.secret().getBytes(StandardCharsets.UTF_8)));
        assertThat(codec.matches(generated.secretHash(), parsed.secret())).isTrue();
    }

    @Test
    void secretOfAnotherKeyDoesNotMatch() {
        Generated first = codec.generate();
        Parsed second = codec.parse(codec.generate().key()).orElseThrow();

        assertThat(codec.matches(first.secretHash(), second.secret())).isFalse();
        assertThat(codec.matches(null, second.secret())).isFalse();
        assertThat(codec.matches(first.secretHash(), null)).isFalse();
        assertThat(codec.matches(new byte[0], second.secret())).isFalse();
    }

    @Test
    void generatedKeysAreUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Generated generated = codec.generate();
            ids.add(generated.keyId());
            keys.add(generated.key());
        }
        assertThat(ids).hasSize(1000);
        assertThat(keys).hasSize(1000);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("malformedKeys")
    void apiKeyParseRejectsMalformedKeysWithoutThrowing(String bearer) {
        assertThatCode(() -> assertThat(codec.parse(bearer)).isEmpty()).doesNotThrowAnyException();
    }

    static List<String> malformedKeys() {
        String valid = new ApiKeyCodec().generate().key();
        String id = valid.substring(3, 19);
        String secret = valid.substring(20);
        return List.of(
                valid + "A",
                valid.substring(0, valid.length() - 1),
                " " + valid,
                valid + " ",
                "Bearer " + valid,
                "HG_" + valid.substring(3),
                "hk_" + valid.substring(3),
                "hg_" + id.toUpperCase() + "_" + secret,
                "hg_" + id.substring(0, 15) + "1_" + secret,
                "hg_" + id + "-" + secret,
                "hg_" + id + "_" + secret.substring(0, 42) + "=",
                "hg_" + id + "_" + secret.substring(0, 42) + "+",
                "hg_" + id + "_" + secret.substring(0, 42) + "é",
                "hg_" + id + "_" + secret.substring(0, 42) + "/",
                "hg_" + id + "_" + secret.substring(0, 41) + "\n" + secret.charAt(42),
                "hg__" + id.substring(1) + "_" + secret,
                "x".repeat(63));
    }

    @ParameterizedTest
    @ValueSource(strings = {"B", "F", "z"})
    void secretWithNonCanonicalTrailingBitsIsRejected(String lastChar) {
        // The 43rd base64url char carries 4 payload bits plus 2 that must be zero: only A, E, I, ... are canonical.
        String valid = codec.generate().key();
        String tweaked = valid.substring(0, valid.length() - 1) + lastChar;

        assertThat(codec.parse(tweaked)).isEmpty();
    }

    @Test
    void recordsNeverRevealTheSecretInToString() {
        Generated generated = codec.generate();
        Parsed parsed = codec.parse(generated.key()).orElseThrow();

        assertThat(generated.toString()).contains(generated.keyId()).doesNotContain(parsed.secret())
                .doesNotContain(generated.key());
        assertThat(parsed.toString()).contains(parsed.keyId()).doesNotContain(parsed.secret());
    }

    @Test
    void storedHashCannotBeMutatedThroughTheRecord() {
        Generated generated = codec.generate();
        generated.secretHash()[0] ^= 1;

        Parsed parsed = codec.parse(generated.key()).orElseThrow();
        assertThat(codec.matches(generated.secretHash(), parsed.secret())).isTrue();
    }
}

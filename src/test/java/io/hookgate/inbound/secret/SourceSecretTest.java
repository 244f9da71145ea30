package io.hookgate.inbound.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.InvalidSourceSecretException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceSecretTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(value = SourceType.class, names = "STANDARD_WEBHOOKS", mode = EnumSource.Mode.EXCLUDE)
    void generatedSecretIs43UrlSafeCharactersOf32RandomBytes(SourceType type) {
        String text = SourceSecret.generate(type, RANDOM);

        assertThat(text).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(text)).hasSize(32);
        assertThat(SourceSecret.of(type, text).hmacKey()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void generatedStandardWebhooksSecretIsWhsecOf32BytesKeyedByTheDecodedBytes() {
        String text = SourceSecret.generate(SourceType.STANDARD_WEBHOOKS, RANDOM);

        assertThat(text).startsWith("whsec_").hasSize(6 + 44);
        byte[] key = Base64.getDecoder().decode(text.substring(6));
        assertThat(key).hasSize(32);
        assertThat(SourceSecret.of(SourceType.STANDARD_WEBHOOKS, text).hmacKey()).isEqualTo(key);
    }

    @Test
    void generatedSecretsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(SourceSecret.generate(SourceType.GITHUB, RANDOM));
        }
        assertThat(seen).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnopqrstuvwx", "eventyay-shared-secret:2024/rotate!",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not/really+base64!!"})
    void suppliedPlainSecretIsKeyedByItsUtf8BytesPrefixIncluded(String text) {
        assertThat(SourceSecret.of(SourceType.GITHUB, text).hmacKey()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnopqrstuvw", "x"})
    void plainSecretShorterThan24IsRejected(String text) {
        assertReason(SourceType.GITLAB, text, Reason.WRONG_LENGTH);
    }

    @Test
    void plainSecretLongerThan128IsRejected() {
        assertReason(SourceType.HMAC, "a".repeat(129), Reason.WRONG_LENGTH);
        assertThat(SourceSecret.of(SourceType.HMAC, "a".repeat(128))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl mnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz\t",
        "abcdefghijklmnopqrstuvwxyzé", "abcdefghijklmnopqrstuvwxyz\u0000"})
    void plainSecretWithSpacesControlsOrNonAsciiIsRejected(String text) {
        assertReason(SourceType.EVENTYAY, text, Reason.INVALID_CHARACTER);
    }

    @Test
    void standardWebhooksSecretMustBeWhsec() {
        assertReason(SourceType.STANDARD_WEBHOOKS, "eventyay-shared-secret:2024/rotate!", Reason.WHSEC_REQUIRED);
        assertReason(SourceType.STANDARD_WEBHOOKS, "whsec_" + Base64.getEncoder().encodeToString(new byte[23]),
                Reason.WHSEC_WRONG_KEY_LENGTH);
        assertReason(SourceType.STANDARD_WEBHOOKS, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!",
                Reason.WHSEC_INVALID_BASE64);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void emptyOrNullSecretIsMissing(SourceType type) {
        assertReason(type, "", Reason.MISSING);
        assertReason(type, null, Reason.MISSING);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        String text = "eventyay-shared-secret:2024/rotate!";

        assertThat(SourceSecret.of(SourceType.GITHUB, text).toString()).doesNotContain(text).contains("redacted");
    }

    @Test
    void rejectionMessageNeverContainsTheSecret() {
        String text = "short-but-secret";

        assertThatThrownBy(() -> SourceSecret.of(SourceType.GITHUB, text)).hasMessageNotContaining(text);
    }

    @Test
    void previousSecretIsActiveStrictlyBeforeItsExpiry() {
        SourceSecret current = SourceSecret.of(SourceType.GITHUB, "current-secret-0123456789abcdef");
        SourceSecret previous = SourceSecret.of(SourceType.GITHUB, "previous-secret-0123456789abcdef");
        Instant until = Instant.parse("2026-03-02T12:00:00Z");
        SourceKeys keys = new SourceKeys(current, previous, until);

        assertThat(keys.active(until.minusMillis(1))).extracting(SourceKeys.Candidate::slot)
                .containsExactly(KeySlot.CURRENT, KeySlot.PREVIOUS);
        assertThat(keys.active(until)).extracting(SourceKeys.Candidate::slot).containsExactly(KeySlot.CURRENT);
        assertThat(SourceKeys.of(current).active(until)).extracting(SourceKeys.Candidate::slot)
                .containsExactly(KeySlot.CURRENT);
    }

    @Test
    void keysMustBeOfOneTypeAndComeWithAnExpiry() {
        SourceSecret github = SourceSecret.of(SourceType.GITHUB, "current-secret-0123456789abcdef");
        SourceSecret gitlab = SourceSecret.of(SourceType.GITLAB, "previous-secret-0123456789abcdef");

        assertThatThrownBy(() -> new SourceKeys(github, gitlab, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceKeys(github, github, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReason(SourceType type, String text, Reason reason) {
        assertThatThrownBy(() -> SourceSecret.of(type, text)).isInstanceOfSatisfying(
                InvalidSourceSecretException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

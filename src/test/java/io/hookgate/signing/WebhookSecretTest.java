package io.hookgate.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.signing.InvalidSecretException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    private static final String RAW = "eventyay-shared-secret:2024/rotate!";

    @Test
    void generatedSecretIsWhsecPrefixedBase64Of32Bytes() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.text()).startsWith("whsec_").hasSize(6 + 44);
        assertThat(secret.keyBytes()).hasSize(32)
                .isEqualTo(Base64.getDecoder().decode(secret.text().substring(6)));
        assertThat(secret.isRaw()).isFalse();
        assertThat(WebhookSecret.parse(secret.text())).isEqualTo(secret);
    }

    @Test
    void generatedSecretsDiffer() {
        SecureRandom random = new SecureRandom();
        assertThat(WebhookSecret.generate(random)).isNotEqualTo(WebhookSecret.generate(random));
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 32, 64})
    void whsecSecretKeyIsTheDecodedBytes(int length) {
        byte[] key = bytes(length);
        WebhookSecret secret = WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(key));

        assertThat(secret.keyBytes()).isEqualTo(key);
        assertThat(secret.standardWebhooksForm()).isEqualTo(secret.text());
    }

    @Test
    void whsecSecretWithoutPaddingIsAccepted() {
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes(32));
        assertThat(WebhookSecret.parse("whsec_" + unpadded).keyBytes()).isEqualTo(bytes(32));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 23, 65, 100})
    void whsecSecretOfWrongKeyLengthIsRejected(int length) {
        String text = "whsec_" + Base64.getEncoder().encodeToString(bytes(length));
        assertRejected(text, Reason.WRONG_KEY_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!",
        "whsec_MfKQ9r8GKYqrTwjUPD8I LPZIo2LaLaSw",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwx"})
    void whsecSecretWithInvalidBase64IsRejected(String text) {
        assertRejected(text, Reason.INVALID_BASE64);
    }

    @Test
    void whsecSecretWithNonCanonicalTrailingBitsIsRejected() {
        // 25 bytes end in a 1-byte group: "xx==" where the second char's low 4 bits must be zero.
        String canonical = Base64.getEncoder().encodeToString(bytes(25));
        char last = canonical.charAt(canonical.length() - 3);
        String tweaked = canonical.substring(0, canonical.length() - 3) + (char) (last + 1) + "==";

        assertRejected("whsec_" + tweaked, Reason.INVALID_BASE64);
    }

    @Test
    void rawSecretKeyIsItsUtf8Bytes() {
        WebhookSecret secret = WebhookSecret.parse(RAW);

        assertThat(secret.isRaw()).isTrue();
        assertThat(secret.text()).isEqualTo(RAW);
        assertThat(secret.keyBytes()).isEqualTo(RAW.getBytes(StandardCharsets.UTF_8));
        assertThat(secret.standardWebhooksForm())
                .isEqualTo("whsec_" + Base64.getEncoder().encodeToString(RAW.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 128})
    void rawSecretAtLengthBoundsIsAccepted(int length) {
        assertThat(WebhookSecret.parse("!~".repeat(length / 2)).text()).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 23, 129, 500})
    void rawSecretOutsideLengthBoundsIsRejected(int length) {
        assertRejected("a".repeat(length), Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "contains a space in the middle", "tab\tseparated-secret-text-here", "newline\nseparated-secret-text",
        "nón-ascii-secret-value-1234567", "del\u007fcharacter-in-the-secret-x", "emoji👋-secret-value-abcdefghij"})
    void rawSecretWithNonPrintableOrNonAsciiCharacterIsRejected(String text) {
        assertRejected(text, Reason.INVALID_CHARACTER);
    }

    @Test
    void emptyOrNullSecretIsRejected() {
        assertRejected("", Reason.MISSING);
        assertRejected(null, Reason.MISSING);
    }

    @Test
    void rejectionMessageNeverEchoesTheSecret() {
        String leaky = "super-secret-value with a space";
        assertThatThrownBy(() -> WebhookSecret.parse(leaky))
                .isInstanceOf(InvalidSecretException.class)
                .message().doesNotContain("super-secret").doesNotContain(leaky);
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_leakyleakyleaky!"))
                .message().doesNotContain("leaky");
    }

    @Test
    void toStringIsRedacted() {
        WebhookSecret secret = WebhookSecret.parse(RAW);
        assertThat(secret).hasToString("WebhookSecret[***]");
        assertThat(String.valueOf(WebhookSecret.generate(new SecureRandom()))).isEqualTo("WebhookSecret[***]");
    }

    @Test
    void keyBytesCannotBeMutatedFromOutside() {
        WebhookSecret secret = WebhookSecret.parse(RAW);
        secret.keyBytes()[0] ^= 1;
        assertThat(secret.keyBytes()).isEqualTo(RAW.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(String text, Reason reason) {
        assertThatThrownBy(() -> WebhookSecret.parse(text))
                .isInstanceOfSatisfying(InvalidSecretException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessage(reason.message());
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }
}

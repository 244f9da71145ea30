package io.hookgate.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-checks our signer against com.standardwebhooks:standardwebhooks, the reference Java library. */
class OfficialLibraryInteropTest {

    private static final String BODY = "{\"type\":\"chat.message\",\"data\":{\"text\":\"héllo 👋\"}}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StandardWebhooksSigner signer = new StandardWebhooksSigner();
    // The library checks the timestamp against its own clock, so sign and send one "now" per test.
    private final long timestamp = Instant.now().getEpochSecond();

    @Test
    void publishedVectorMatchesOfficialLibrarySign() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        String ours = signer.signatureHeader("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                body.getBytes(StandardCharsets.UTF_8), List.of(WebhookSecret.parse(secret)));

        assertThat(ours)
                .isEqualTo(new Webhook(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void generatedSecretVerifiesWithOfficialLibrary() {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);

        assertThatCode(() -> new Webhook(secret.text()).verify(BODY, headers("msg_gen", sign("msg_gen", secret))))
                .doesNotThrowAnyException();
    }

    @Test
    void rawSecretVerifiesWithOfficialLibraryWhenBase64Encoded() {
        WebhookSecret raw = WebhookSecret.parse("eventyay-shared-secret:2024/rotate!");
        String header = sign("msg_raw", raw);

        assertThat(raw.standardWebhooksForm()).startsWith("whsec_").isNotEqualTo(raw.text());
        assertThatCode(() -> new Webhook(raw.standardWebhooksForm()).verify(BODY, headers("msg_raw", header)))
                .doesNotThrowAnyException();
    }

    @Test
    void eachKeyAloneVerifiesTheRotationHeader() {
        WebhookSecret newKey = WebhookSecret.generate(RANDOM);
        WebhookSecret oldKey = WebhookSecret.parse("eventyay-shared-secret:2024/rotate!");
        String header = sign("msg_rot", newKey, oldKey);

        assertThat(header.split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(newKey.standardWebhooksForm()).verify(BODY, headers("msg_rot", header)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(oldKey.standardWebhooksForm()).verify(BODY, headers("msg_rot", header)))
                .doesNotThrowAnyException();
    }

    @Test
    void officialLibraryRejectsSignatureFromAnUnrelatedKey() {
        String header = sign("msg_other", WebhookSecret.generate(RANDOM));
        String receiverSecret = WebhookSecret.generate(RANDOM).text();

        assertThatThrownBy(() -> new Webhook(receiverSecret).verify(BODY, headers("msg_other", header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void officialLibraryRejectsTamperedBody() {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        String header = sign("msg_tamper", secret);

        assertThatThrownBy(() -> new Webhook(secret.text()).verify(BODY + " ", headers("msg_tamper", header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    private String sign(String msgId, WebhookSecret... keys) {
        return signer.signatureHeader(msgId, timestamp, BODY.getBytes(StandardCharsets.UTF_8), List.of(keys));
    }

    private Map<String, List<String>> headers(String msgId, String signature) {
        return Map.of(
                StandardWebhooksSigner.ID_HEADER, List.of(msgId),
                StandardWebhooksSigner.TIMESTAMP_HEADER, List.of(Long.toString(timestamp)),
                StandardWebhooksSigner.SIGNATURE_HEADER, List.of(signature));
    }
}

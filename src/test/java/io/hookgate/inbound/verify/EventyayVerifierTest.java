package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceSecret;
import io.hookgate.signing.EventyaySigner;
import io.hookgate.signing.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbound eventyay verifier accepts exactly what Hookgate's own outbound eventyay signer produces. */
class EventyayVerifierTest {

    private static final byte[] BODY = ("{\"channel\":\"9f1c\",\"message\":\"hello\",\"message_id\":4711,"
            + "\"message_type\":\"text\",\"timestamp\":\"2026-11-22T10:15:30Z\"}").getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"generated", "eventyay-shared-secret:2024/rotate!",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
    void headerFromTheOutboundEventyaySignerIsVerified(String secretText) {
        String text = secretText.equals("generated")
                ? SourceSecret.generate(SourceType.EVENTYAY, new SecureRandom()) : secretText;
        String header = new EventyaySigner().header(WebhookSecret.parse(text), BODY);

        Verification result = SourceVerifier.of(SourceType.EVENTYAY, Optional.empty(), CLOCK)
                .verify(BODY, InboundHeaders.of(EventyaySigner.HEADER, header),
                        SourceKeys.of(SourceSecret.of(SourceType.EVENTYAY, text)));

        assertThat(result).isInstanceOfSatisfying(Verification.Verified.class, v -> {
            assertThat(v.event()).isEmpty();
            assertThat(v.deliveryId()).isEmpty();
        });
    }
}

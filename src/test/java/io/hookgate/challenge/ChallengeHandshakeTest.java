package io.hookgate.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChallengeHandshakeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ChallengeHandshake handshake;

    @Test
    void jsonEchoPassesAndTheTokenTravelsAsAQueryParameterWithOurUserAgent() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            handshake.verify(receiver.url() + "?existing=1").await().atMost(WAIT);

            var request = receiver.requests().get(0);
            assertThat(request.method().name()).isEqualTo("GET");
            assertThat(request.getParam("existing")).isEqualTo("1");
            assertThat(request.getParam("challenge")).matches("[A-Za-z0-9_-]{43}");
            assertThat(request.getHeader("user-agent")).startsWith("Hookgate/");
        }
    }

    @Test
    void textPlainEchoPasses() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.textEcho()) {
            handshake.verify(receiver.url()).await().atMost(WAIT);

            assertThat(receiver.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void everyHandshakeUsesAFreshToken() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            handshake.verify(receiver.url()).await().atMost(WAIT);
            handshake.verify(receiver.url()).await().atMost(WAIT);

            assertThat(receiver.requests().get(0).getParam("challenge"))
                    .isNotEqualTo(receiver.requests().get(1).getParam("challenge"));
        }
    }

    @Test
    void refusedConnectionFailsWithConnectionRefused() throws Exception {
        String url;
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            url = receiver.url();
        }

        assertThatThrownBy(() -> handshake.verify(url).await().atMost(WAIT))
                .isInstanceOfSatisfying(ChallengeFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo("connection_refused"));
    }

    @Test
    void deniedUrlFailsWithEgressDenied() {
        assertThatThrownBy(() -> handshake.verify("ftp://127.0.0.1/").await().atMost(WAIT))
                .isInstanceOfSatisfying(ChallengeFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo("egress_denied"));
    }
}

package io.hookgate.inbound.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.render.Notification;
import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.route.Route;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceSecret;
import io.hookgate.inbound.verify.InboundHeaders;
import io.hookgate.inbound.verify.SourceVerifier;
import io.hookgate.inbound.verify.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The whole pure path: a signed GitHub or GitLab request → verified → envelope and notifications. */
class InboundRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Zm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZmc";
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<Route> ROUTES = List.of(
            new Route("r1", "octo-org/hello-world", "room-dev", Optional.empty()),
            new Route("r2", "OCTO-ORG/Hello-World", "room-releases", Optional.of(new EventFilter.Only(
                    java.util.Set.of("release", "push")))),
            new Route("r3", "mike/diaspora", "room-gitlab", Optional.empty()));

    @Test
    void signedGithubPushBecomesAnEnvelopeAndOneNotificationPerMatchingChannel() throws Exception {
        byte[] body = fixture("github/push.json");
        InboundHeaders headers = InboundHeaders.of("Content-Type", "application/json", "User-Agent",
                "GitHub-Hookshot/a1b2c3", "X-GitHub-Event", "push", "X-GitHub-Delivery", "d-1",
                "X-Hub-Signature-256", "sha256=" + hmacHex(body));

        InboundRecords.Records records = InboundRecords.of(context(SourceType.GITHUB), verify(SourceType.GITHUB, body,
                headers), body, headers, ROUTES, EventFilter.DEFAULTS);

        JsonNode envelope = JSON.readTree(records.envelope().toJson());
        assertThat(envelope.get("event").asText()).isEqualTo("push");
        assertThat(envelope.get("delivery_id").asText()).isEqualTo("d-1");
        assertThat(envelope.get("payload")).isEqualTo(JSON.readTree(body));
        assertThat(envelope.get("headers").has("x-hub-signature-256")).isFalse();
        assertThat(records.notifications()).extracting(Notification::channel)
                .containsExactly("room-dev", "room-releases");
        assertThat(records.notifications()).extracting(n -> n.rendered().text())
                .containsOnly("alice pushed 3 commits to main: \"Fix login\"");
        assertThat(records.notifications()).extracting(Notification::id).doesNotHaveDuplicates();
    }

    @Test
    void eventOutsideTheRoutesFiltersProducesOnlyTheEnvelope() throws Exception {
        byte[] body = fixture("github/ping.json");
        InboundHeaders headers = InboundHeaders.of("X-GitHub-Event", "ping", "X-Hub-Signature-256",
                "sha256=" + hmacHex(body));

        InboundRecords.Records records = InboundRecords.of(context(SourceType.GITHUB), verify(SourceType.GITHUB, body,
                headers), body, headers, ROUTES, EventFilter.DEFAULTS);

        assertThat(records.notifications()).isEmpty();
        assertThat(records.envelope().event()).isEqualTo("ping");
    }

    @Test
    void repositoryWithoutRoutesProducesOnlyTheEnvelope() throws Exception {
        byte[] body = fixture("github/issues-opened.json");
        InboundHeaders headers = InboundHeaders.of("X-GitHub-Event", "issues", "X-Hub-Signature-256",
                "sha256=" + hmacHex(body));

        InboundRecords.Records records = InboundRecords.of(context(SourceType.GITHUB), verify(SourceType.GITHUB, body,
                headers), body, headers, List.of(new Route("r", "other/repo", "room", Optional.empty())),
                EventFilter.DEFAULTS);

        assertThat(records.notifications()).isEmpty();
    }

    @Test
    void gitlabPushIsRoutedToItsProjectsChannel() throws Exception {
        byte[] body = fixture("gitlab/push.json");
        InboundHeaders headers = InboundHeaders.of("X-Gitlab-Token", SECRET, "X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Event-UUID", "u-1");

        InboundRecords.Records records = InboundRecords.of(context(SourceType.GITLAB), verify(SourceType.GITLAB, body,
                headers), body, headers, ROUTES, EventFilter.DEFAULTS);

        assertThat(records.envelope().deliveryId()).isEqualTo("u-1");
        assertThat(records.notifications()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo("room-gitlab");
            assertThat(n.rendered().text()).isEqualTo("jsmith pushed 24 commits to main: \"Fix the README\"");
        });
    }

    @Test
    void notificationIdIsStablePerRecordAndChannel() {
        assertThat(InboundRecords.notificationId("rec", "room")).isEqualTo(InboundRecords.notificationId("rec", "room"))
                .isNotEqualTo(InboundRecords.notificationId("rec", "room2"))
                .isNotEqualTo(InboundRecords.notificationId("rec2", "room"));
    }

    @Test
    void eventyaySourcesDoNotMakeInboundRecords() {
        assertThatThrownBy(() -> context(SourceType.EVENTYAY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static InboundRecords.Context context(SourceType type) {
        return new InboundRecords.Context("rec-1", "src-1", "tenant-1", type, Optional.empty(), NOW);
    }

    private static Verification.Verified verify(SourceType type, byte[] body, InboundHeaders headers) {
        Verification v = SourceVerifier.of(type, Optional.empty(), CLOCK)
                .verify(body, headers, SourceKeys.of(SourceSecret.of(type, SECRET)));
        assertThat(v).isInstanceOf(Verification.Verified.class);
        return (Verification.Verified) v;
    }

    private static String hmacHex(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = InboundRecordsTest.class.getResourceAsStream("/inbound/" + name)) {
            return in.readAllBytes();
        }
    }
}

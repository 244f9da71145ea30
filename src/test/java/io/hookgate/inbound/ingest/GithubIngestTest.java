package io.hookgate.inbound.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GitHub sources end to end: real-shaped payloads signed in the test with {@code X-Hub-Signature-256} become an
 * {@code inbound.events} record and a {@code chat.notifications} record; every failed check answers without
 * producing, proven with a marker request read back behind the rejected ones (same key, same partition).
 */
@QuarkusTest
class GithubIngestTest {

    private static final String REPO = "octo-org/Hello-World";

    @Inject
    MeterRegistry registry;

    @Test
    void signedPushBecomesAnInboundEventAndANotification() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String room = ChatEvents.channel();
        InboundApi.route(tenant, source, REPO, room, null);
        byte[] body = Ingest.fixture("github/push.json");
        String delivery = UUID.randomUUID().toString();

        String id = Ingest.post(source.path(), Ingest.github(source.secret(), "push", delivery, body), body)
                .statusCode(202).body("duplicate", nullValue()).extract().path("id");

        JsonNode envelope = Ingest.until("inbound.events", source.id(), "id", id).get(0);
        assertThat(envelope.path("source_id").asText()).isEqualTo(source.id());
        assertThat(envelope.path("tenant_id").asText()).isEqualTo(tenant.id());
        assertThat(envelope.path("source_type").asText()).isEqualTo("github");
        assertThat(envelope.path("event").asText()).isEqualTo("push");
        assertThat(envelope.path("delivery_id").asText()).isEqualTo(delivery);
        assertThat(envelope.path("payload").path("ref").asText()).isEqualTo("refs/heads/main");
        assertThat(envelope.path("headers").path("x-github-delivery").asText()).isEqualTo(delivery);
        assertThat(envelope.path("headers").has("x-hub-signature-256")).isFalse();

        JsonNode note = Ingest.until("chat.notifications", room, "source_id", source.id()).get(0);
        assertThat(note.path("text").asText()).isEqualTo("alice pushed 3 commits to main: \"Fix login\"");
        assertThat(note.path("channel").asText()).isEqualTo(room);
        assertThat(note.path("repository").asText()).isEqualTo(REPO);
        assertThat(note.path("event").asText()).isEqualTo("push");
    }

    @Test
    void issuesAndPullRequestsGetTheirSummaries() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String room = ChatEvents.channel();
        InboundApi.route(tenant, source, REPO, room, null);
        send(source, "issues", Ingest.fixture("github/issues-opened.json"));
        send(source, "pull_request", Ingest.fixture("github/pull_request-opened.json"));

        List<JsonNode> notes = Ingest.until("chat.notifications", room, "event", "pull_request");
        assertThat(notes).extracting(n -> n.path("text").asText()).containsExactly(
                "dave opened issue #42: \"Login fails with a + in the password\"",
                "alice opened pull request #43: \"Fix login\"");
    }

    @Test
    void wrongSecretUnsignedAndOtherBytesAre401AndProduceNothing() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String room = ChatEvents.channel();
        InboundApi.route(tenant, source, REPO, room, List.of("*"));
        byte[] body = Ingest.fixture("github/push.json");
        double before = count("github", "bad_signature");

        Ingest.post(source.path(), Ingest.github("a-wrong-secret-0123456789abcdef", "push", "d1", body), body)
                .statusCode(401).contentType("application/problem+json");
        Map<String, String> unsigned = new HashMap<>(Ingest.github(source.secret(), "push", "d2", body));
        unsigned.remove("X-Hub-Signature-256");
        Ingest.post(source.path(), unsigned, body).statusCode(401);
        byte[] other = new String(body, StandardCharsets.UTF_8).replace("Fix login", "Fix logout")
                .getBytes(StandardCharsets.UTF_8);
        Ingest.post(source.path(), Ingest.github(source.secret(), "push", "d3", body), other).statusCode(401);

        String marker = send(source, "push", body);
        List<JsonNode> records = Ingest.until("inbound.events", source.id(), "id", marker);
        assertThat(records).extracting(r -> r.path("id").asText()).containsExactly(marker);
        assertThat(Ingest.until("chat.notifications", room, "source_id", source.id())).hasSize(1);
        assertThat(count("github", "bad_signature") - before).isEqualTo(2.0);
    }

    @Test
    void aReplayedDeliveryIdAnswersDuplicateAndProducesOneRecord() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        byte[] body = Ingest.fixture("github/issues-opened.json");
        Map<String, String> headers = Ingest.github(source.secret(), "issues", UUID.randomUUID().toString(), body);

        String first = Ingest.post(source.path(), headers, body).statusCode(202).extract().path("id");
        Ingest.post(source.path(), headers, body).statusCode(202)
                .body("duplicate", equalTo(true)).body("id", equalTo(first));

        String marker = send(source, "issues", body);
        assertThat(Ingest.until("inbound.events", source.id(), "id", marker))
                .extracting(r -> r.path("id").asText()).containsExactly(first, marker);
    }

    @Test
    void unknownAndDeletedSourcesAre404WithAProblem() {
        byte[] body = Ingest.fixture("github/push.json");
        Ingest.post("/v1/inbound/" + UUID.randomUUID(), Ingest.github("x".repeat(30), "push", "d", body), body)
                .statusCode(404).contentType("application/problem+json");
        Ingest.post("/v1/inbound/not-a-source", Map.of(), body).statusCode(404);
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        given().auth().oauth2(tenant.apiKey()).delete("/v1/sources/" + source.id()).then().statusCode(204);
        Ingest.post(source.path(), Ingest.github(source.secret(), "push", "d", body), body).statusCode(404);
    }

    @Test
    void theTenantsApiKeyDoesNotAuthenticateTheIngestEndpoint() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        given().auth().oauth2(tenant.apiKey()).contentType("application/json").body("{}").post(source.path())
                .then().statusCode(401);
    }

    private static String send(InboundApi.Source source, String event, byte[] body) {
        return Ingest.post(source.path(), Ingest.github(source.secret(), event, UUID.randomUUID().toString(), body),
                body).statusCode(202).extract().path("id");
    }

    private double count(String type, String result) {
        var counter = registry.find("hookgate.inbound.requests").tags("type", type, "result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}

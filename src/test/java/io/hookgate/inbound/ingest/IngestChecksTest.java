package io.hookgate.inbound.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks before verification (size, address), secret rotation, and route event filters. */
@QuarkusTest
class IngestChecksTest {

    private static final String REPO = "octo-org/Hello-World";

    @TestHTTPResource("/")
    URL server;

    @Inject
    Pool pool;

    @Test
    void aTwoMebibyteBodyIs413WithAndWithoutContentLengthAndNothingIsProduced() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Ingest.post(source.path(), Ingest.github(source.secret(), "push", "big-1", big), big).statusCode(413)
                .contentType("application/problem+json");

        // chunked and never finished: a 413 can only come back if the server stopped reading at the limit
        assertThat(chunkedWithoutEnd(source.path(), 3 * 512 * 1024)).startsWith("HTTP/1.1 413");

        String marker = send(source, Ingest.fixture("github/push.json"));
        assertThat(Ingest.until("inbound.events", source.id(), "id", marker)).hasSize(1);
    }

    @Test
    void aSignedBodyOfExactlyTheLimitIsVerifiedOffTheEventLoopAndProduced() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        byte[] body = (prefix + "p".repeat(1024 * 1024 - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(1024 * 1024);

        String id = Ingest.post(source.path(), Ingest.github(source.secret(), "ping", uuid(), body), body)
                .statusCode(202).extract().path("id");

        JsonNode record = Ingest.until("inbound.events", source.id(), "id", id).get(0);
        assertThat(record.path("payload").path("pad").asText()).hasSize(body.length - prefix.length() - suffix.length());
        byte[] oneMore = java.util.Arrays.copyOf(body, body.length + 1);
        Ingest.post(source.path(), Ingest.github(source.secret(), "ping", uuid(), oneMore), oneMore).statusCode(413);
    }

    @Test
    void allowCidrsRefusesOtherAddressesAndTrustsOnlyProxiesForForwardedClients() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github", "allow_cidrs", List.of("192.0.2.0/24"));
        byte[] body = Ingest.fixture("github/push.json");
        Ingest.post(source.path(), Ingest.github(source.secret(), "push", "c-1", body), body).statusCode(403);
        String challenge = source.path() + "?challenge=t1";
        // 127.0.0.2 is the trusted proxy of the test profile: its X-Forwarded-For client counts
        assertThat(RawHttp.get("127.0.0.2", server, challenge, Map.of("X-Forwarded-For", "192.0.2.7")))
                .isEqualTo(200);
        assertThat(RawHttp.get("127.0.0.1", server, challenge, Map.of("X-Forwarded-For", "192.0.2.7")))
                .isEqualTo(403);
        assertThat(RawHttp.get("127.0.0.2", server, challenge, Map.of("X-Forwarded-For", "198.51.100.1")))
                .isEqualTo(403);

        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("allow_cidrs", List.of("127.0.0.0/8"))).patch("/v1/sources/" + source.id())
                .then().statusCode(200);
        String marker = send(source, body);
        assertThat(Ingest.until("inbound.events", source.id(), "id", marker)).hasSize(1);
    }

    @Test
    void bothSecretsVerifyDuringTheOverlapAndOnlyTheNewOneAfterIt() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        byte[] body = Ingest.fixture("github/push.json");
        String next = given().auth().oauth2(tenant.apiKey()).post("/v1/sources/" + source.id() + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");

        Ingest.post(source.path(), Ingest.github(source.secret(), "push", uuid(), body), body).statusCode(202);
        Ingest.post(source.path(), Ingest.github(next, "push", uuid(), body), body).statusCode(202);

        pool.preparedQuery("UPDATE inbound_sources SET previous_expires_at = now() - interval '1 second'"
                + " WHERE id = $1").execute(Tuple.of(UUID.fromString(source.id()))).await().indefinitely();
        Ingest.post(source.path(), Ingest.github(source.secret(), "push", uuid(), body), body).statusCode(401);
        Ingest.post(source.path(), Ingest.github(next, "push", uuid(), body), body).statusCode(202);
    }

    @Test
    void routesWithoutEventsFollowTheTenantDefaultsAndStarTakesEverything() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String defaults = ChatEvents.channel();
        String everything = ChatEvents.channel();
        InboundApi.route(tenant, source, REPO, defaults, null);
        InboundApi.route(tenant, source, "OCTO-ORG/hello-world", everything, List.of("*"));
        byte[] ping = Ingest.fixture("github/ping.json");

        send(source, "ping", ping);
        List<JsonNode> all = Ingest.until("chat.notifications", everything, "event", "ping");
        assertThat(all).hasSize(1);

        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("events", List.of("ping", "push"))).put("/v1/route-defaults").then().statusCode(200);
        String second = send(source, "ping", ping);
        List<JsonNode> viaDefaults = Ingest.until("chat.notifications", defaults, "event", "ping");
        assertThat(viaDefaults).hasSize(1);
        assertThat(viaDefaults.get(0).path("id").asText()).isNotEmpty();
        assertThat(second).isNotEmpty();
        given().auth().oauth2(tenant.apiKey()).get("/v1/route-defaults").then().statusCode(200)
                .body("events", org.hamcrest.Matchers.equalTo(List.of("ping", "push")));
    }

    @Test
    void routeInputIsValidatedAndChannelsOutsideTheTenantAre403() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String path = "/v1/sources/" + source.id() + "/routes";
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("repository", "no-slash", "channel", room, "events", List.of("*", "push")))
                .post(path).then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItems(
                        "repository", "events"));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("repository", REPO, "channel", "elsewhere")).post(path).then().statusCode(403);
        String routeId = InboundApi.route(tenant, source, REPO, room, List.of("push"));
        given().auth().oauth2(tenant.apiKey()).get(path).then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.hasItem(routeId));
        Api.Tenant other = Api.tenant("*");
        given().auth().oauth2(other.apiKey()).get(path).then().statusCode(404);
        given().auth().oauth2(tenant.apiKey()).delete(path + "/" + routeId).then().statusCode(204);
        given().auth().oauth2(tenant.apiKey()).delete(path + "/" + routeId).then().statusCode(404);
    }

    private static String send(InboundApi.Source source, byte[] body) {
        return send(source, "push", body);
    }

    private static String send(InboundApi.Source source, String event, byte[] body) {
        return Ingest.post(source.path(), Ingest.github(source.secret(), event, uuid(), body), body)
                .statusCode(202).extract().path("id");
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** Sends {@code bytes} of chunked body without the last chunk, then reads the status line. */
    private String chunkedWithoutEnd(String path, int bytes) throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(15_000);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'b');
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.io.IOException closedByServer) {
                // the server may close while we are still writing: its answer is still readable
            }
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}

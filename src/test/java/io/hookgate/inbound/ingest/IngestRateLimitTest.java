package io.hookgate.inbound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.hookgate.support.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The public ingest endpoint's rate limits end to end (SPEC section 12, issue 15): over a source's or a client
 * address's budget the answer is 429 with a problem body and Retry-After, nothing is produced for it, and another
 * source or another address is served meanwhile. Requests come through the trusted proxy 127.0.0.2 of the test
 * profile, so each test picks its own client addresses with X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(IngestRateLimitTest.LowLimits.class)
class IngestRateLimitTest {

    static final int PER_SOURCE = 4;
    static final int PER_CLIENT = 6;
    private static final int MAX_TRIES = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL server;

    /** Budgets small enough to exhaust with a quick burst. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.inbound.per-source-per-second", Integer.toString(PER_SOURCE),
                    "hookgate.inbound.per-client-per-second", Integer.toString(PER_CLIENT));
        }
    }

    @Test
    void aSourceOverItsBudgetGets429WithAProblemAndAnotherSourceIsStillServed() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source busy = InboundApi.create(tenant, "github");
        InboundApi.Source other = InboundApi.create(tenant, "github");

        // a fresh client address per request: only the source's budget can run out
        Refused refused = untilRefused(i -> busy, i -> address());

        assertProblem(refused.response(), "too many requests for this source");
        RawHttp.Response served = send(other, address(), UUID.randomUUID().toString());
        assertThat(served.status()).as("another source, meanwhile").isEqualTo(202);
        assertThat(Ingest.until("inbound.events", other.id(), "id", id(served)))
                .extracting(r -> r.path("id").asText()).containsExactly(id(served));
        assertNothingProducedFor(busy, refused.deliveryId());
    }

    @Test
    void aClientAddressOverItsBudgetGets429AndAnotherAddressIsStillServedBySameSource() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        List<InboundApi.Source> sources = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sources.add(InboundApi.create(tenant, "github"));
        }
        String client = address();

        // one address, spread over sources so that no source's own budget runs out first
        Refused refused = untilRefused(i -> sources.get(i % sources.size()), i -> client);

        assertProblem(refused.response(), "too many requests from this address");
        InboundApi.Source same = refused.source();
        RawHttp.Response served = send(same, address(), UUID.randomUUID().toString());
        assertThat(served.status()).as("the same source from another address, meanwhile").isEqualTo(202);
        assertThat(Ingest.until("inbound.events", same.id(), "id", id(served)))
                .extracting(r -> r.path("id").asText()).containsOnlyOnce(id(served));
        assertNothingProducedFor(same, refused.deliveryId());
    }

    private record Refused(InboundApi.Source source, String deliveryId, RawHttp.Response response) {
    }

    /** Sends signed pushes until one is refused; every answer before it must be 202. */
    private Refused untilRefused(java.util.function.IntFunction<InboundApi.Source> source,
            java.util.function.IntFunction<String> client) throws Exception {
        for (int i = 0; i < MAX_TRIES; i++) {
            InboundApi.Source target = source.apply(i);
            String delivery = UUID.randomUUID().toString();
            RawHttp.Response response = send(target, client.apply(i), delivery);
            if (response.status() != 202) {
                return new Refused(target, delivery, response);
            }
        }
        throw new AssertionError("no request of " + MAX_TRIES + " was refused");
    }

    private static void assertProblem(RawHttp.Response response, String detail) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(response.headers().get("retry-after")).as("Retry-After in whole seconds").matches("[1-9][0-9]*");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isEqualTo(detail);
    }

    /** The refused delivery id never reaches the topic: a later accepted marker of the same source is read first. */
    private void assertNothingProducedFor(InboundApi.Source source, String refusedDelivery) throws Exception {
        String marker = UUID.randomUUID().toString();
        RawHttp.Response accepted = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> send(source, address(), marker), r -> r.status() == 202);
        List<JsonNode> records = Ingest.until("inbound.events", source.id(), "id", id(accepted));
        assertThat(records).extracting(r -> r.path("delivery_id").asText()).contains(marker)
                .doesNotContain(refusedDelivery);
    }

    private RawHttp.Response send(InboundApi.Source source, String client, String delivery) throws Exception {
        byte[] body = Ingest.fixture("github/push.json");
        Map<String, String> headers = new HashMap<>(Ingest.github(source.secret(), "push", delivery, body));
        headers.put("Content-Type", "application/json");
        headers.put("X-Forwarded-For", client);
        return RawHttp.post("127.0.0.2", server, source.path(), headers, body);
    }

    private static String id(RawHttp.Response response) throws Exception {
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** A random address of 10/8 (16 million), so requests and tests practically never share a client bucket. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}

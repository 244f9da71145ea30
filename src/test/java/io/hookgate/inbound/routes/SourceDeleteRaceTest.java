package io.hookgate.inbound.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Real clients racing a source's DELETE with PATCHes, rotations and new routes on the same source: every answer
 * is the operation's success or the source's 404, never a 500 from a row or foreign key that vanished meanwhile.
 */
@QuarkusTest
class SourceDeleteRaceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void changesRacingADeleteAnswerSuccessOrNotFoundNeverAServerError() {
        Api.Tenant tenant = Api.tenant("*");
        Map<String, List<Integer>> seen = Map.of("PATCH", new ArrayList<>(), "POST rotate", new ArrayList<>(),
                "POST route", new ArrayList<>(), "DELETE", new ArrayList<>());
        for (int round = 0; round < 15; round++) {
            String path = "/v1/sources/" + InboundApi.create(tenant, "github").id();
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(send(tenant, "PATCH", path, "{\"name\":\"n" + i + "\"}", seen));
                calls.add(send(tenant, "POST rotate", path + "/rotate-secret", null, seen));
                calls.add(send(tenant, "POST route", path + "/routes",
                        "{\"repository\":\"octo-org/hello-world\",\"channel\":\"room\"}", seen));
            }
            calls.add(send(tenant, "DELETE", path, null, seen));
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(seen.get("PATCH")).isNotEmpty().allMatch(s -> s == 200 || s == 404);
        assertThat(seen.get("POST rotate")).isNotEmpty().allMatch(s -> s == 200 || s == 404);
        assertThat(seen.get("POST route")).isNotEmpty().allMatch(s -> s == 201 || s == 404);
        assertThat(seen.get("DELETE")).hasSize(15).containsOnly(204);
    }

    private static CompletableFuture<Void> send(Api.Tenant tenant, String kind, String path, String json,
            Map<String, List<Integer>> seen) {
        String method = kind.split(" ")[0];
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tenant.apiKey());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
            List<Integer> statuses = seen.get(kind);
            synchronized (statuses) {
                statuses.add(response.statusCode());
            }
        });
    }
}

package io.hookgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every body field of the subscription and recovery calls, one at a time, with values a careless or hostile client
 * sends: never a 500, every refusal a problem. A black-box fuzz found {@code event_types: [null]} (a
 * NullPointerException) and a {@code since} in the year 1,000,000,000 (a DateTimeException) answering 500.
 */
@QuarkusTest
class AdversarialFieldsTest {

    private static final List<Object> VALUES = Arrays.asList(null, "", " ", "\u0000", "é漢😀\u200b\u202e",
            "x".repeat(10_000), true, 0, -1, 1L << 31, Long.MAX_VALUE, 1e308, 1.5, List.of(),
            Arrays.asList((Object) null), Arrays.asList("chat.message", null), List.of(List.of()), Map.of(),
            Map.of("a", Map.of("b", 1)),
            "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "P1000000000D", "-1s", "999999999999d");

    @Test
    void noValueOfAnyFieldMakesTheSubscriptionAndRecoveryCallsFail() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription push = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);
            Map<String, Object> pull = Map.of("mode", "pull", "event_types", List.of("chat.message"));
            for (String field : List.of("mode", "event_types", "channels", "format", "description", "secret",
                    "retention", "expire_after")) {
                each(field, pull, body -> given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                        .body(body).post("/v1/subscriptions"));
            }
            for (String field : List.of("event_types", "channels", "status", "description", "url", "expire_after")) {
                each(field, Map.of(), body -> given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                        .body(body).patch("/v1/subscriptions/" + push.id()));
            }
            Map<String, Object> recover = Map.of("since", "2026-01-01T00:00:00Z");
            for (String field : List.of("since", "until")) {
                each(field, recover, body -> given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                        .body(body).post("/v1/subscriptions/" + push.id() + "/recover"));
            }
        }
    }

    private static void each(String field, Map<String, Object> valid, Call call) {
        List<String> failures = new ArrayList<>();
        for (Object value : VALUES) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(field, value);
            Response response = call.send(body);
            int status = response.statusCode();
            boolean problem = status < 400 || response.contentType().startsWith(Problem.MEDIA_TYPE);
            if (status >= 500 || !problem) {
                failures.add(field + " = " + String.valueOf(value).substring(0, Math.min(40, String.valueOf(value)
                        .length())) + " → " + status + " " + response.asString());
            }
        }
        assertThat(failures).as("answers that are 5xx or not problems").isEmpty();
    }

    @FunctionalInterface
    private interface Call {
        Response send(Map<String, Object> body);
    }
}

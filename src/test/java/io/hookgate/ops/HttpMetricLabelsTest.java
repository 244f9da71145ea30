package io.hookgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server metrics label each request with its endpoint's template: a 30 s long-poll must not land in the
 * latency of the subscription's own GET, and no path an API caller chooses may become a label of its own.
 */
@QuarkusTest
class HttpMetricLabelsTest {

    private static final Pattern LABEL = Pattern.compile("uri=\"([^\"]*)\"");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aLongPollIsCountedUnderItsOwnTemplateNotUnderTheSubscriptionsGet() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        String sub = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"), "channels", List.of(room)))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        double gets = count("GET", "/v1/subscriptions/{id}", "200");
        double polls = count("GET", "/v1/subscriptions/{id}/messages", "200");

        given().auth().oauth2(tenant.apiKey()).queryParam("wait", 1).get("/v1/subscriptions/" + sub + "/messages")
                .then().statusCode(200);
        given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + sub).then().statusCode(200);

        assertThat(count("GET", "/v1/subscriptions/{id}/messages", "200")).isEqualTo(polls + 1);
        assertThat(count("GET", "/v1/subscriptions/{id}", "200")).isEqualTo(gets + 1);
    }

    @Test
    void pathsACallerMakesUpNeverBecomeLabels() {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        String made = UUID.randomUUID().toString();
        given().auth().oauth2(tenant.apiKey()).get("/v1/api-keys/" + made).then().statusCode(405);
        given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + made + "/nope").then().statusCode(404);
        given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + made).then().statusCode(404);

        List<String> labels = labels();
        assertThat(labels).noneMatch(label -> label.contains(made));
        assertThat(labels).contains("/v1/subscriptions/{id}");
    }

    private double count(String method, String uri, String status) {
        String prefix = "http_server_requests_seconds_count{";
        return metrics().lines().filter(l -> l.startsWith(prefix) && l.contains("method=\"" + method + "\"")
                        && l.contains("uri=\"" + uri + "\"") && l.contains("status=\"" + status + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private List<String> labels() {
        return metrics().lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")).map(l -> {
            Matcher m = LABEL.matcher(l);
            return m.find() ? m.group(1) : "";
        }).toList();
    }

    private String metrics() {
        return given().baseUri(management.getProtocol() + "://" + management.getHost() + ":" + management.getPort())
                .get("/q/metrics").then().statusCode(200).extract().asString();
    }
}

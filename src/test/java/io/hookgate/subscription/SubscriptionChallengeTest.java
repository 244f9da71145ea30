package io.hookgate.subscription;

import static io.hookgate.subscription.TestTenants.as;
import static io.hookgate.subscription.TestTenants.body;
import static io.hookgate.subscription.TestTenants.rowsOf;
import static io.hookgate.subscription.TestTenants.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.challenge.ChallengeReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration and URL changes go through the challenge handshake; a failure stores nothing. */
@QuarkusTest
class SubscriptionChallengeTest {

    @Inject
    Pool pool;

    @Test
    void createPassesWithAJsonEchoAndReturnsTheSubscriptionWithItsSecret() throws Exception {
        var tenant = tenant("*");
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then()
                    .statusCode(201)
                    .header("location", containsString("/v1/subscriptions/"))
                    .body("tenant_id", equalTo(tenant.id().toString()))
                    .body("url", equalTo(receiver.url()))
                    .body("event_types", equalTo(List.of("chat.message")))
                    .body("channels", equalTo(null))
                    .body("format", equalTo("standard"))
                    .body("status", equalTo("active"))
                    .body("secret", startsWith("whsec_"))
                    .body("$", hasKey("created_at"))
                    .body("$", hasKey("updated_at"));
        }
        assertThat(rowsOf(pool, tenant.id())).isEqualTo(1);
    }

    @Test
    void createPassesWithATextPlainEcho() throws Exception {
        var tenant = tenant("*");
        try (ChallengeReceiver receiver = ChallengeReceiver.textEcho()) {
            as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then().statusCode(201);
        }
        assertThat(rowsOf(pool, tenant.id())).isEqualTo(1);
    }

    @Test
    void wrongTokenIsAChallengeFailureWithMismatchAndNothingIsStored() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.wrongToken()) {
            assertChallengeFails(receiver.url(), "mismatch");
        }
    }

    @Test
    void notFoundIsAChallengeFailureWithStatus404AndNothingIsStored() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.status(404)) {
            assertChallengeFails(receiver.url(), "status_404");
        }
    }

    @Test
    void serverErrorIsAChallengeFailureWithStatus500AndNothingIsStored() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.status(500)) {
            assertChallengeFails(receiver.url(), "status_500");
        }
    }

    @Test
    void receiverThatNeverAnswersIsAChallengeFailureWithTimeoutAndNothingIsStored() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.hang()) {
            assertChallengeFails(receiver.url(), "timeout");
        }
    }

    @Test
    void hostThatDoesNotResolveIsAChallengeFailureWithDnsFailureNotAnEgressDenial() {
        assertChallengeFails("http://nowhere-" + java.util.UUID.randomUUID() + ".test/hook", "dns_failure");
    }

    @Test
    void redirectIsNotFollowedAndFailsWithStatus302() throws Exception {
        try (ChallengeReceiver target = ChallengeReceiver.jsonEcho();
                ChallengeReceiver redirecting = ChallengeReceiver.redirectTo(target.url())) {
            assertChallengeFails(redirecting.url(), "status_302");

            assertThat(redirecting.requestCount()).isEqualTo(1);
            assertThat(target.requestCount()).isZero();
        }
    }

    @Test
    void failureDetailNeverEchoesTheResponseBody() throws Exception {
        try (ChallengeReceiver receiver = ChallengeReceiver.start(r -> r.response()
                .putHeader("content-type", "text/plain").end("internal-marker-4711"))) {
            assertChallengeFails(receiver.url(), "mismatch").body(not(containsString("internal-marker-4711")));
        }
    }

    @Test
    void urlChangeToAFailingReceiverIs422AndKeepsTheOldUrl() throws Exception {
        var tenant = tenant("*");
        try (ChallengeReceiver good = ChallengeReceiver.jsonEcho();
                ChallengeReceiver bad = ChallengeReceiver.status(404)) {
            String id = as(tenant).body(body(good.url())).post("/v1/subscriptions").then().statusCode(201)
                    .extract().path("id");

            as(tenant).body(Map.of("url", bad.url())).patch("/v1/subscriptions/" + id).then()
                    .statusCode(422)
                    .body("type", endsWith("/challenge-failed"))
                    .body("detail", equalTo("status_404"));

            as(tenant).get("/v1/subscriptions/" + id).then().statusCode(200).body("url", equalTo(good.url()));
            assertThat(bad.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void urlChangeToAPassingReceiverIsApplied() throws Exception {
        var tenant = tenant("*");
        try (ChallengeReceiver first = ChallengeReceiver.jsonEcho();
                ChallengeReceiver second = ChallengeReceiver.textEcho()) {
            String id = as(tenant).body(body(first.url())).post("/v1/subscriptions").then().statusCode(201)
                    .extract().path("id");

            as(tenant).body(Map.of("url", second.url())).patch("/v1/subscriptions/" + id).then()
                    .statusCode(200).body("url", equalTo(second.url()));
            assertThat(second.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void disablingIsManualAndReactivationRerunsTheHandshake() throws Exception {
        var tenant = tenant("*");
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            String id = as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then().statusCode(201)
                    .extract().path("id");
            as(tenant).body(Map.of("status", "disabled")).patch("/v1/subscriptions/" + id).then()
                    .statusCode(200).body("status", equalTo("disabled")).body("disabled_reason", equalTo("manual"));

            receiver.answerWith(r -> r.response().setStatusCode(503).end());
            as(tenant).body(Map.of("status", "active")).patch("/v1/subscriptions/" + id).then()
                    .statusCode(422).body("detail", equalTo("status_503"));
            as(tenant).get("/v1/subscriptions/" + id).then().body("status", equalTo("disabled"));

            receiver.answerWith(ChallengeReceiver::answerJson);
            as(tenant).body(Map.of("status", "active")).patch("/v1/subscriptions/" + id).then()
                    .statusCode(200).body("status", equalTo("active"))
                    .body("$", not(hasKey("disabled_reason")));
            assertThat(receiver.requestCount()).isEqualTo(3);
        }
    }

    private ValidatableResponse assertChallengeFails(String url, String reason) {
        var tenant = tenant("*");
        ValidatableResponse response = as(tenant).body(body(url)).post("/v1/subscriptions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/challenge-failed"))
                .body("detail", equalTo(reason));
        assertThat(rowsOf(pool, tenant.id())).isZero();
        return response;
    }
}

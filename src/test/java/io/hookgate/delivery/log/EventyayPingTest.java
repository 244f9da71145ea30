package io.hookgate.delivery.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * eventyay receivers store every signed POST as a chat message, so a ping on an eventyay subscription is the
 * challenge handshake (SPEC section 5; issue 12, item 3).
 */
@QuarkusTest
class EventyayPingTest {

    @Test
    void pingOnAnEventyaySubscriptionRunsTheHandshakeAndPostsNothing() throws Exception {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        try (Receiver receiver = Receiver.ok()) {
            String sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, "eventyay").id();
            int handshakesBefore = receiver.challenges();

            given().auth().oauth2(tenant.apiKey()).post("/v1/subscriptions/" + sub + "/ping")
                    .then().statusCode(200).body("result", equalTo("passed")).body("reason", nullValue());

            assertThat(receiver.challenges()).as("handshakes the receiver answered").isEqualTo(handshakesBefore + 1);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .untilAsserted(() -> assertThat(receiver.requests()).as("POSTs received").isEmpty());
            assertThat(Api.deliveries(tenant, sub)).as("deliveries stored").isEmpty();
        }
    }

    @Test
    void aFailedHandshakeAnswersFailedWithItsReasonCode() throws Exception {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        String sub;
        try (Receiver receiver = Receiver.ok()) {
            sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, "eventyay").id();
        }

        given().auth().oauth2(tenant.apiKey()).post("/v1/subscriptions/" + sub + "/ping")
                .then().statusCode(200).body("result", equalTo("failed")).body("reason", equalTo("connection_refused"));
    }

    @Test
    void pingOnAStandardSubscriptionIsStillASignedDelivery() throws Exception {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        try (Receiver receiver = Receiver.ok()) {
            String sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id();

            given().auth().oauth2(tenant.apiKey()).post("/v1/subscriptions/" + sub + "/ping")
                    .then().statusCode(202).body("delivery_id", org.hamcrest.Matchers.notNullValue());
        }
    }
}

package io.hookgate.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The packaged jar in the prod profile, wired to the real broker and database. */
class SmokeIT {

    private static final Pattern SKIPPED = Pattern.compile(
            "hookgate_events_consumed_total\\{result=\"skipped\"} ([0-9.E]+)");

    @Test
    void packagedGatewayIsReadyMigratedAndConsumesChatEvents() throws Exception {
        try (GatewayProcess gateway = new GatewayProcess("smoke", Map.of())) {
            gateway.start();
            given().baseUri(gateway.managementUrl()).get("/q/health/live").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(gateway.managementUrl()).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            // the public port serves neither (SPEC section 5, Operations), but the API description
            given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY).get("/q/metrics").then()
                    .statusCode(404);
            given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY).get("/q/health/ready").then()
                    .statusCode(404);
            given().baseUri(gateway.baseUrl()).get("/q/openapi").then().statusCode(200);

            String room = ChatEvents.channel();
            byte[] files = new String(ChatEvents.text(room, 1, "f")).replace("\"text\"", "\"files\"").getBytes();
            double before = skipped(gateway);
            try (KafkaProducer<byte[], byte[]> producer = DeliveryRestartIT.producer()) {
                producer.send(new ProducerRecord<>(gateway.topic("HOOKGATE_TOPICS_EVENTS"), room.getBytes(), files)).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> skipped(gateway) >= before + 1);

            try (Connection db = DriverManager.getConnection(gateway.databaseEnv().get("QUARKUS_DATASOURCE_JDBC_URL"),
                    System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
                    ResultSet rs = db.createStatement().executeQuery(
                            "SELECT count(*) FROM flyway_schema_history WHERE success AND version IN ('1', '2', '7', '8')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
        }
    }

    private static double skipped(GatewayProcess gateway) {
        String metrics = given().baseUri(gateway.managementUrl()).get("/q/metrics").then().statusCode(200).extract()
                .asString();
        Matcher m = SKIPPED.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

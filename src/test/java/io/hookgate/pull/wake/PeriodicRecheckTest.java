package io.hookgate.pull.wake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The safety net against the real PostgreSQL: a pull message stored without any NOTIFY (the trigger disabled, as if
 * the notification were lost) wakes its waiter within one recheck interval; afterwards, with nothing new, the
 * recheck wakes nobody.
 */
@QuarkusTest
class PeriodicRecheckTest {

    @Inject
    Wakeups wakeups;

    @Inject
    PullWakeConfig config;

    @Test
    void aMessageStoredWithoutNotificationWakesItsWaiterWithinOneIntervalAndNothingNewWakesNobody() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        UUID sub = UUID.fromString(given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"), "channels", List.of(room)))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id"));
        AtomicLong woken = new AtomicLong();
        wakeups.next(sub, Duration.ofMinutes(2)).subscribe().with(v -> woken.set(System.nanoTime()));
        long stored;
        try (Connection db = plain()) {
            stored = storeSilently(db, sub, room);
        }
        Duration interval = config.recheck();
        await().atMost(interval.plusSeconds(3)).until(() -> woken.get() != 0);
        System.out.printf("pull recheck: silent store to wake-up %d ms (interval %s)%n",
                (woken.get() - stored) / 1_000_000, interval);

        AtomicLong spurious = new AtomicLong();
        wakeups.next(sub, Duration.ofMinutes(2)).subscribe().with(v -> spurious.incrementAndGet());
        await().during(interval.plusSeconds(1)).atMost(interval.plusSeconds(2)).until(() -> spurious.get() == 0);
        assertThat(spurious.get()).isZero();
    }

    /** Inserts an event and its pull message with the NOTIFY trigger off; returns System.nanoTime() at commit. */
    private static long storeSilently(Connection db, UUID sub, String room) throws Exception {
        String eventId = "evt_recheck_" + UUID.randomUUID().toString().replace("-", "");
        try (Statement s = db.createStatement()) {
            s.execute("ALTER TABLE pull_messages DISABLE TRIGGER pull_messages_notify");
            try {
                try (PreparedStatement e = db.prepareStatement("INSERT INTO events (id, event_type, channel, occurred_at,"
                        + " occurred_at_text, payload) VALUES (?, 'chat.message', ?, now(), 'x', '{}')")) {
                    e.setString(1, eventId);
                    e.setString(2, room);
                    e.execute();
                }
                try (PreparedStatement m = db.prepareStatement("INSERT INTO pull_messages (subscription_id, event_id,"
                        + " event_type, bytes) VALUES (?::uuid, ?, 'chat.message', 2)")) {
                    m.setString(1, sub.toString());
                    m.setString(2, eventId);
                    m.execute();
                }
                return System.nanoTime();
            } finally {
                s.execute("ALTER TABLE pull_messages ENABLE TRIGGER pull_messages_notify");
            }
        }
    }

    private static Connection plain() throws Exception {
        return DriverManager.getConnection(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
    }
}

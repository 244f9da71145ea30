package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-replica wake-ups against the real PostgreSQL: a NOTIFY from another connection (as the V11 trigger sends
 * on another replica's commit) wakes this replica's waiter; malformed payloads are ignored; a killed LISTEN
 * connection comes back and wakes its waiters.
 */
@QuarkusTest
class PullListenerTest {

    @Inject
    Wakeups wakeups;

    @Inject
    PullListener listener;

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
    }

    @Test
    void aNotifyFromAnotherConnectionWakesTheWaiterWithin100Ms() throws Exception {
        UUID sub = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        AtomicLong wokenAt = new AtomicLong();
        AtomicLong otherWokenAt = new AtomicLong();
        wakeups.next(sub, Duration.ofSeconds(20)).subscribe().with(v -> wokenAt.set(System.nanoTime()));
        wakeups.next(other, Duration.ofSeconds(20)).subscribe().with(v -> otherWokenAt.set(System.nanoTime()));
        try (Connection db = plain()) {
            long sent = notify(db, UUID.randomUUID() + "," + sub);
            await().atMost(Duration.ofSeconds(5)).until(() -> wokenAt.get() != 0);
            long millis = (wokenAt.get() - sent) / 1_000_000;
            System.out.printf("pull listener: NOTIFY to waiter woken in %d ms%n", millis);
            assertThat(millis).isLessThan(100);
            assertThat(otherWokenAt.get()).isZero();
        }
    }

    @Test
    void aMalformedPayloadIsIgnoredAndCountedAndTheListenerKeepsWorking() throws Exception {
        UUID sub = UUID.randomUUID();
        AtomicLong wokenAt = new AtomicLong();
        wakeups.next(sub, Duration.ofSeconds(20)).subscribe().with(v -> wokenAt.set(System.nanoTime()));
        double before = listener.malformedCount();
        try (Connection db = plain()) {
            notify(db, "not,a,list of ids");
            notify(db, "");
            notify(db, "x".repeat(7_900));
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.malformedCount() >= before + 3);
            assertThat(wokenAt.get()).isZero();
            notify(db, sub.toString());
            await().atMost(Duration.ofSeconds(5)).until(() -> wokenAt.get() != 0);
        }
    }

    @Test
    void aKilledListenerConnectionReconnectsWakesItsWaitersAndListensAgain() throws Exception {
        UUID sub = UUID.randomUUID();
        AtomicLong firstWake = new AtomicLong();
        wakeups.next(sub, Duration.ofSeconds(60)).subscribe().with(v -> firstWake.set(System.nanoTime()));
        try (Connection db = plain()) {
            assertThat(terminateListener(db)).isEqualTo(1);
            // notifications sent while it was down are lost: the reconnect itself must wake the waiter
            await().atMost(Duration.ofSeconds(10)).until(() -> firstWake.get() != 0);
            await().atMost(Duration.ofSeconds(10)).until(listener::listening);

            AtomicLong secondWake = new AtomicLong();
            wakeups.next(sub, Duration.ofSeconds(60)).subscribe().with(v -> secondWake.set(System.nanoTime()));
            long sent = notify(db, sub.toString());
            await().atMost(Duration.ofSeconds(5)).until(() -> secondWake.get() != 0);
            assertThat((secondWake.get() - sent) / 1_000_000).isLessThan(100);
        }
    }

    private static long notify(Connection db, String payload) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, PullListener.CHANNEL);
            s.setString(2, payload);
            long sent = System.nanoTime();
            s.execute();
            return sent;
        }
    }

    private static int terminateListener(Connection db) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                + "FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()")) {
            s.setString(1, ListenerConnection.APPLICATION_NAME);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static Connection plain() throws Exception {
        return DriverManager.getConnection(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
    }
}

package io.hookgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.PullClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateways on one database (SPEC 11): gateway A consumes and stores, a long-poll on gateway B is
 * woken through LISTEN/NOTIFY within 500 ms of the store; a long-poll on A itself is the baseline.
 */
class PullTwoGatewaysIT {

    private static final int ROUNDS = 10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLongPollOnTheOtherGatewayReturnsWithin500MsOfTheStore() throws Exception {
        try (GatewayProcess a = new GatewayProcess("pull-a", Map.of())) {
            a.start();
            // B shares A's database but has topics of its own that nobody produces to: only A stores
            try (GatewayProcess b = new GatewayProcess("pull-b", a.databaseEnv())) {
                b.start();
                String room = ChatEvents.channel();
                String key = DeliveryRestartIT.createTenant(a, room);
                String sub = new PullClient(a.baseUrl(), key).createSubscription(List.of(room))[0];
                List<Long> onA = new ArrayList<>();
                List<Long> onB = new ArrayList<>();
                String[] cursors = new String[2];
                try (KafkaProducer<byte[], byte[]> producer = DeliveryRestartIT.producer();
                        Connection db = DriverManager.getConnection(a.databaseEnv().get("QUARKUS_DATASOURCE_JDBC_URL"),
                                System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                                System.getenv("QUARKUS_DATASOURCE_PASSWORD"))) {
                    for (int round = 0; round < ROUNDS; round++) {
                        CompletableFuture<Long> waitA = longPoll(a, key, sub, cursors, 0);
                        CompletableFuture<Long> waitB = longPoll(b, key, sub, cursors, 1);
                        await().atMost(Duration.ofSeconds(10)).until(() -> waiters(a) >= 1 && waiters(b) >= 1);
                        producer.send(new ProducerRecord<>(a.topic("HOOKGATE_TOPICS_EVENTS"), room.getBytes(),
                                ChatEvents.text(room, round, "m" + round))).get();
                        long returnedA = waitA.get(30, TimeUnit.SECONDS);
                        long returnedB = waitB.get(30, TimeUnit.SECONDS);
                        long stored = lastStoredMillis(db, sub);
                        onA.add(returnedA - stored);
                        onB.add(returnedB - stored);
                    }
                }
                List<Long> sortedA = onA.stream().sorted().toList();
                List<Long> sortedB = onB.stream().sorted().toList();
                System.out.printf("pull two gateways: store -> answer on the storing gateway %s ms, on the other %s ms%n",
                        sortedA, sortedB);
                long p50A = sortedA.get(ROUNDS / 2);
                long p50B = sortedB.get(ROUNDS / 2);
                long p90B = sortedB.get(ROUNDS * 9 / 10 - 1);
                assertThat(p90B).as("other gateway, 90th percentile of %d rounds (ms)", ROUNDS).isLessThan(500);
                assertThat(p50B - p50A).as("other gateway's median over the storing gateway's (ms)").isLessThan(500);
            }
        }
    }

    /** A long-poll after the client's cursor; completes with the epoch millis of the answer carrying a message. */
    private static CompletableFuture<Long> longPoll(GatewayProcess gateway, String key, String sub, String[] cursors,
            int index) {
        PullClient client = new PullClient(gateway.baseUrl(), key);
        return CompletableFuture.supplyAsync(() -> {
            try {
                PullClient.Page page = client.read(sub, cursors[index], null, 100, 20);
                long at = System.currentTimeMillis();
                assertThat(page.data()).as("answer of %s", gateway.baseUrl()).isNotEmpty();
                cursors[index] = page.nextCursor();
                return at;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long lastStoredMillis(Connection db, String sub) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT (extract(epoch FROM max(stored_at)) * 1000)::bigint "
                + "FROM pull_messages WHERE subscription_id = ?::uuid")) {
            s.setString(1, sub);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static double waiters(GatewayProcess gateway) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.managementUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("hookgate_pull_waiters"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

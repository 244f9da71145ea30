package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.DeliveryRows;
import io.hookgate.support.Kafka;
import io.hookgate.support.Latencies;
import io.hookgate.support.Receiver;
import io.hookgate.support.TestDns;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * 25 subscriptions whose names a real resolver asks a DNS server that never answers: no thread waits for DNS,
 * a healthy subscription on a third name keeps its latency, and the lookups end as {@code dns_failure}.
 */
@QuarkusTest
class BlackHoleDnsTest {

    private static final int NAMES = 25;
    private static final int EVENTS = 20;
    private static final int SAMPLES = 40;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Test
    void namesWhoseDnsNeverAnswersBlockNoThreadAndDelayNoOtherSubscription() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String blackRoom = ChatEvents.channel();
        String healthyRoom = ChatEvents.channel();
        Api.Tenant blackTenant = Api.tenant(blackRoom);
        Api.Tenant healthyTenant = Api.tenant(healthyRoom);
        Set<String> queried = ConcurrentHashMap.newKeySet();
        List<String> names = new ArrayList<>();
        try (BlackHole dns = new BlackHole(queried); Receiver healthy = Receiver.ok(); Receiver unreached = Receiver.ok();
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            String okHost = "ok-" + run + ".test";
            TestDns.FAKE.map(okHost, "127.0.0.1");
            Api.subscribe(healthyTenant, "http://" + okHost + ":" + healthy.port() + "/ok", List.of("chat.message"),
                    null, null);
            List<String> blackSubscriptions = new ArrayList<>();
            for (int i = 0; i < NAMES; i++) {
                String name = "bh" + i + "-" + run + ".test";
                names.add(name);
                // resolvable while registering; black-holed from then on
                TestDns.FAKE.map(name, "127.0.0.1");
                blackSubscriptions.add(Api.subscribe(blackTenant, "http://" + name + ":" + unreached.port() + "/hook",
                        List.of("chat.message"), null, null).id());
            }
            HostResolver blackHoled = realResolverAsking(dns.address());
            names.forEach(name -> TestDns.OVERRIDES.put(name, blackHoled));
            List<Duration> solo = Latencies.measure(producer, healthy, "/ok", healthyRoom, 0, SAMPLES);
            int threadsBefore = Thread.activeCount();
            double dnsFailuresBefore = dnsFailures();

            for (int i = 0; i < EVENTS; i++) {
                Kafka.send(producer, "chat.events", blackRoom, ChatEvents.text(blackRoom, i, "bh"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> queried.size() >= NAMES);
            int threadsDuring = Thread.activeCount();
            long blockingTaskMillis = blockingTaskLatency();
            List<Duration> during = Latencies.measure(producer, healthy, "/ok", healthyRoom, SAMPLES, SAMPLES);

            assertThat(blockingTaskMillis).as("a blocking task's wait for a worker thread").isLessThan(1000);
            assertThat(threadsDuring - threadsBefore).as("threads started while DNS hangs").isLessThanOrEqualTo(10);
            assertThat(Latencies.p99(during)).as("healthy p99 (solo p99 %s)", Latencies.p99(solo))
                    .isLessThanOrEqualTo(Latencies.p99(solo).multipliedBy(3).plusMillis(200));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    DeliveryRows.attemptErrors(pool, blackSubscriptions.get(0)).containsKey("dns_failure"));
            for (String id : blackSubscriptions) {
                assertThat(DeliveryRows.attemptErrors(pool, id).keySet()).as("attempt errors").isSubsetOf("dns_failure");
            }
            assertThat(dnsFailures()).isGreaterThan(dnsFailuresBefore);
            assertThat(unreached.requests()).isEmpty();
        } finally {
            names.forEach(TestDns.OVERRIDES::remove);
        }
    }

    /** The production resolver, asking only the given server, with a short query timeout. */
    private HostResolver realResolverAsking(InetSocketAddress server) {
        return new NettyHostResolver(vertx, new NettyHostResolver.Settings(List.of(server), Duration.ofSeconds(2),
                Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(5), 1000));
    }

    /** How long a task submitted to the worker pool now waits before it runs. */
    private long blockingTaskLatency() throws Exception {
        long submitted = System.nanoTime();
        return vertx.executeBlocking(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted), false)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private double dnsFailures() {
        var counter = registry.find("hookgate.deliveries").tag("outcome", "dns_failure").counter();
        return counter == null ? 0 : counter.count();
    }

    /** A UDP "DNS server" on loopback that reads every query and answers none. */
    static final class BlackHole implements AutoCloseable {

        private final DatagramSocket socket;
        private final Thread reader;

        BlackHole(Set<String> queried) throws Exception {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            reader = new Thread(() -> {
                byte[] buffer = new byte[512];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        queried.add(questionName(packet));
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "black-hole-dns");
            reader.setDaemon(true);
            reader.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }

        /** The first label of the question (after the 12-byte header), whatever search domain was appended. */
        private static String questionName(DatagramPacket packet) {
            byte[] d = packet.getData();
            return new String(d, 13, d[12], java.nio.charset.StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}

package io.hookgate.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The physical ceiling: a minimal, non-durable Kafka consumer that posts each record, unchanged and
 * unsigned, to the same receiver URLs with the same fan-out. No database, no signing, no retries;
 * only a global in-flight cap and a per-endpoint connection pool like the gateway's defaults.
 *
 * <p>Usage: Ceiling &lt;bootstrap&gt; &lt;topic&gt; &lt;group&gt; &lt;routes-file&gt; [max-in-flight] [per-endpoint];
 * the routes file has one line per channel: {@code <channel> <url> <url>}. Runs until killed.
 */
public final class Ceiling {

    private record Target(String host, int port, String uri) {
    }

    private final Map<String, List<Target>> routes;
    private final Semaphore inFlight;
    private final Context[] contexts;
    private final HttpClient[] clients;

    private Ceiling(Vertx vertx, Map<String, List<Target>> routes, int maxInFlight, int perEndpoint) {
        this.routes = routes;
        this.inFlight = new Semaphore(maxInFlight);
        int loops = 2;
        this.contexts = new Context[loops];
        this.clients = new HttpClient[loops];
        for (int i = 0; i < loops; i++) {
            Lane lane = new Lane(perEndpoint);
            vertx.deployVerticle(lane).toCompletionStage().toCompletableFuture().join();
            contexts[i] = lane.context();
            clients[i] = lane.client;
        }
    }

    /** One event loop with its own client: each deployed verticle gets a different loop. */
    private static final class Lane extends AbstractVerticle {
        private final int perEndpoint;
        private HttpClient client;

        Lane(int perEndpoint) {
            this.perEndpoint = perEndpoint;
        }

        @Override
        public void start() {
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                    .setIdleTimeout(30), new PoolOptions().setHttp1MaxSize(perEndpoint));
        }

        Context context() {
            return context;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: Ceiling <bootstrap> <topic> <group> <routes-file> [max-in-flight] [per-endpoint]");
            System.exit(2);
        }
        int maxInFlight = args.length > 4 ? Integer.parseInt(args[4]) : 512;
        int perEndpoint = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Ceiling ceiling = new Ceiling(vertx, readRoutes(Path.of(args[3])), maxInFlight, perEndpoint);
        ceiling.consume(args[0], args[1], args[2]);
    }

    private static Map<String, List<Target>> readRoutes(Path file) throws Exception {
        Map<String, List<Target>> routes = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            List<Target> targets = new java.util.ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                URI uri = URI.create(parts[i]);
                targets.add(new Target(uri.getHost(), uri.getPort(), uri.getRawPath()));
            }
            routes.put(parts[0], targets);
        }
        return routes;
    }

    private void consume(String bootstrap, String topic, String group) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            boolean announced = false;
            while (true) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (!announced && !consumer.assignment().isEmpty()) {
                    System.out.println("READY");
                    System.out.flush();
                    announced = true;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    dispatch(record);
                }
            }
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        String channel = new String(record.key(), StandardCharsets.UTF_8);
        List<Target> targets = routes.get(channel);
        if (targets == null) {
            return;
        }
        int lane = Math.floorMod(channel.hashCode(), contexts.length);
        Buffer body = Buffer.buffer(record.value());
        String id = record.partition() + "-" + record.offset();
        for (Target target : targets) {
            inFlight.acquire(); // blocks only this polling thread: that is the backpressure
            contexts[lane].runOnContext(v -> post(clients[lane], target, id, body));
        }
    }

    private void post(HttpClient client, Target target, String id, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host())
                .setPort(target.port()).setURI(target.uri()).setIdleTimeout(15_000);
        client.request(options)
                .compose(request -> request.putHeader("content-type", "application/json")
                        .putHeader("webhook-id", id).send(body))
                .compose(HttpClientResponse::body)
                .onComplete(result -> inFlight.release());
    }
}

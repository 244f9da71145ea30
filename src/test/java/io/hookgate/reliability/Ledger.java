package io.hookgate.reliability;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Counts one scenario: which events were produced (known message ids), which (subscription, event) pairs
 * arrived, how often, with a valid signature or not, and which were dead-lettered instead.
 */
public final class Ledger {

    /** One subscription and the receiver behind it. */
    public record Endpoint(Receiver receiver, String subscriptionId, String secret) {
    }

    private final String scenario;
    private final List<Endpoint> endpoints;
    private final List<String> rooms;
    private final Map<Long, Instant> producedAt = new ConcurrentHashMap<>();
    private final List<Set<Long>> delivered = new ArrayList<>();
    private final List<long[]> latencies = new ArrayList<>();
    private final int[] seen;
    private final Set<String> deadLettered = new HashSet<>();
    private long received;
    private long invalidSignatures;
    private long verified;
    private Instant lastArrival = Instant.EPOCH;

    public Ledger(String scenario, List<Endpoint> endpoints, List<String> rooms) {
        this.scenario = scenario;
        this.endpoints = endpoints;
        this.rooms = rooms;
        this.seen = new int[endpoints.size()];
        endpoints.forEach(e -> delivered.add(new HashSet<>()));
    }

    /** Sends events with message ids [from, to) spread over the rooms; ratePerSecond 0 means at once. */
    public void produce(KafkaProducer<byte[], byte[]> producer, String topic, long from, long to, int ratePerSecond)
            throws InterruptedException {
        long start = System.nanoTime();
        for (long id = from; id < to; id++) {
            if (ratePerSecond > 0) {
                long due = start + (id - from) * 1_000_000_000L / ratePerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            String room = rooms.get((int) (id % rooms.size()));
            producedAt.put(id, Instant.now());
            producer.send(new ProducerRecord<>(topic, room.getBytes(), ChatEvents.text(room, id, "m" + id)));
        }
        producer.flush();
    }

    /** The rooms events are spread over, for subscriptions made outside the ledger (pull mode). */
    public List<String> rooms() {
        return rooms;
    }

    /** When each produced event was sent, by message id. */
    public Map<Long, Instant> producedAt() {
        return producedAt;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public long expected() {
        return (long) producedAt.size() * endpoints.size();
    }

    public synchronized long uniqueDelivered() {
        return delivered.stream().mapToLong(Set::size).sum();
    }

    /** Takes in the requests that arrived since the last call; signatures are checked now, within tolerance. */
    public synchronized void collect() {
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            // only the subscribed path: a receiver may serve hostile routes beside it (same-host scenarios)
            List<Receiver.Request> requests = endpoint.receiver().requests("/hook");
            for (int n = seen[i]; n < requests.size(); n++) {
                take(i, endpoint, requests.get(n));
            }
            seen[i] = requests.size();
        }
    }

    private void take(int index, Endpoint endpoint, Receiver.Request request) {
        received++;
        verified++;
        try {
            Signatures.verifyStandard(endpoint.secret(), request);
        } catch (Exception e) {
            invalidSignatures++;
        }
        long id = new JsonObject(request.bodyText()).getJsonObject("data").getLong("message_id");
        if (delivered.get(index).add(id)) {
            Instant produced = producedAt.get(id);
            if (produced != null) {
                latencies.add(new long[] {id, Duration.between(produced, request.arrivedAt()).toMillis()});
            }
            if (request.arrivedAt().isAfter(lastArrival)) {
                lastArrival = request.arrivedAt();
            }
        }
    }

    /** Reads webhook.deliveries.dlq records: each names the subscription and carries the sent body. */
    public synchronized void deadLettered(List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonObject entry = new JsonObject(new String(r.value()));
            Object payload = entry.getValue("payload");
            if (payload == null) {
                // a dead letter over the topic's limit names its payload's size instead of carrying it
                continue;
            }
            JsonObject body = payload instanceof JsonObject j ? j : new JsonObject(payload.toString());
            deadLettered.add(entry.getString("subscription_id") + "/" + body.getJsonObject("data").getLong("message_id"));
        }
    }

    /** True once every expected pair arrived or was dead-lettered. */
    public boolean complete() {
        collect();
        return uniqueDelivered() + deadLetteredNotDelivered() >= expected();
    }

    /** Polls until complete or the timeout passes; returns whether it completed. */
    public boolean awaitComplete(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (complete()) {
                return true;
            }
            Thread.sleep(250);
        }
        return complete();
    }

    private synchronized long deadLetteredNotDelivered() {
        long count = 0;
        for (int i = 0; i < endpoints.size(); i++) {
            for (String key : deadLettered) {
                String prefix = endpoints.get(i).subscriptionId() + "/";
                if (key.startsWith(prefix) && !delivered.get(i).contains(Long.parseLong(key.substring(prefix.length())))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Figures plus the gateway's own account of retried attempts, for duplicates by cause. */
    public Figures figures(Map<String, Long> retriedAttemptsByError) {
        return figures().with("retried_attempts_by_error", retriedAttemptsByError);
    }

    public synchronized Figures figures() {
        collect();
        List<Long> sorted = latenciesFrom(0);
        Instant first = producedAt.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        double seconds = Math.max(0.001, Duration.between(first, lastArrival).toMillis() / 1000.0);
        return new Figures(scenario, expected(), received, uniqueDelivered(), deadLetteredNotDelivered(),
                invalidSignatures, verified, uniqueDelivered() / seconds, percentile(sorted, 50),
                percentile(sorted, 99), Map.of("subscriptions", endpoints.size(), "events", producedAt.size()));
    }

    /** Sorted end-to-end latencies of events with message id ≥ fromId. */
    public synchronized List<Long> latenciesFrom(long fromId) {
        return latencies.stream().filter(l -> l[0] >= fromId).map(l -> l[1]).sorted().toList();
    }

    /** The {@code n} slowest arrivals of events with message id ≥ fromId, as "id:ms", slowest first. */
    public synchronized List<String> slowestFrom(long fromId, int n) {
        return latencies.stream().filter(l -> l[0] >= fromId).sorted((a, b) -> Long.compare(b[1], a[1])).limit(n)
                .map(l -> l[0] + ":" + l[1]).toList();
    }

    public static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

package io.hookgate.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces chat events with a plain KafkaProducer, keyed by channel, with the record timestamp
 * (CreateTime) set to the send instant. Two modes: preload as fast as possible, or paced at a rate.
 */
public final class LoadGenerator implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public LoadGenerator(String bootstrap, boolean lowLatency) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lowLatency ? "0" : "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "hookgate-bench-load");
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends ids [firstId, firstId+count) as fast as the producer accepts them; stores send millis. */
    public void preload(String topic, Workload workload, long firstId, int count, long[] sentMillis) {
        for (int i = 0; i < count; i++) {
            send(topic, workload, firstId + i, i, sentMillis);
        }
        flush();
    }

    /** Sends ids from firstId at a steady rate (events/s) for the given duration; returns how many. */
    public int paced(String topic, Workload workload, long firstId, double ratePerSecond, Duration duration,
            long[] sentMillis) {
        int total = (int) Math.min(sentMillis.length, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait);
            }
            send(topic, workload, firstId + i, i, sentMillis);
        }
        flush();
        return total;
    }

    private void send(String topic, Workload workload, long id, int index, long[] sentMillis) {
        String channel = workload.channelName(Workload.channelOf(id));
        long now = BenchClock.nowMillis();
        sentMillis[index] = now;
        byte[] value = ChatEvents.event(id, channel, now);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, now,
                channel.getBytes(StandardCharsets.UTF_8), value);
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    private void flush() {
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("producing failed: " + error, error);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** Standalone use: LoadGenerator <bootstrap> <topic> <session> <events> [rate-per-second]. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGenerator <bootstrap> <topic> <session> <events> [rate-per-second]");
            System.exit(2);
        }
        int events = Integer.parseInt(args[3]);
        Workload workload = new Workload(args[2], 20, 10);
        long[] sent = new long[events];
        long start = System.nanoTime();
        try (LoadGenerator generator = new LoadGenerator(args[0], args.length > 4)) {
            if (args.length > 4) {
                double rate = Double.parseDouble(args[4]);
                generator.paced(args[1], workload, 0, rate, Duration.ofNanos((long) (events / rate * 1e9)), sent);
            } else {
                generator.preload(args[1], workload, 0, events, sent);
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println(Map.of("events", events, "millis", ms));
    }
}

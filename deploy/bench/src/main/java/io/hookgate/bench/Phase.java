package io.hookgate.bench;

import com.standardwebhooks.Webhook;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The deliveries expected in one measured phase: messages [firstId, firstId+events), each fanned out to
 * {@link Workload#fanOut()} subscriptions. Arrival times live in one primitive array indexed by (message, copy), so
 * recording is lock-free and duplicates are detected by compare-and-set.
 */
public final class Phase {

    private final String name;
    private final Workload workload;
    private final long firstId;
    private final int events;
    private final long[] sentMillis;
    private final AtomicLongArray arrivals;
    private final boolean[] healthy;
    private final Map<Integer, Webhook> verifiers;
    private final int sampleEvery;
    private final LongAdder unique = new LongAdder();
    private final LongAdder uniqueHealthy = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder signaturesChecked = new LongAdder();
    private final LongAdder signaturesInvalid = new LongAdder();

    /**
     * @param healthy endpoints whose deliveries count as "healthy" (all for a clean phase)
     * @param verifiers per subscription index, the official-library verifier; empty to skip checks
     */
    public Phase(String name, Workload workload, long firstId, int events, boolean[] healthy,
            Map<Integer, Webhook> verifiers, int sampleEvery) {
        this.name = name;
        this.workload = workload;
        this.firstId = firstId;
        this.events = events;
        this.sentMillis = new long[events];
        this.arrivals = new AtomicLongArray(events * workload.fanOut());
        this.healthy = healthy.clone();
        this.verifiers = verifiers;
        this.sampleEvery = sampleEvery;
    }

    public String name() {
        return name;
    }

    public Workload workload() {
        return workload;
    }

    public long firstId() {
        return firstId;
    }

    public long[] sentMillis() {
        return sentMillis;
    }

    /** Whether this delivery should be verified (a deterministic 1-in-N sample) and a verifier exists. */
    Webhook verifierFor(int sub, long messageId) {
        if (verifiers.isEmpty() || messageId % sampleEvery != 0) {
            return null;
        }
        return verifiers.get(sub);
    }

    void signatureChecked(boolean valid) {
        signaturesChecked.increment();
        if (!valid) {
            signaturesInvalid.increment();
        }
    }

    /** Records one 2xx-answered delivery; returns false if it is not part of this phase. */
    boolean record(int sub, long messageId, long arrivalMicros) {
        long index = messageId - firstId;
        if (index < 0 || index >= events) {
            return false;
        }
        int copy = workload.copyFor(Workload.channelOf(messageId), sub);
        if (copy < 0) {
            unexpected.increment();
            return true;
        }
        int slot = (int) index * workload.fanOut() + copy;
        if (arrivals.compareAndSet(slot, 0L, arrivalMicros)) {
            unique.increment();
            if (healthy[workload.endpointOf(sub)]) {
                uniqueHealthy.increment();
            }
        } else {
            duplicates.increment();
        }
        return true;
    }

    /** Expected deliveries to endpoints in the mask for the first {@code sent} events. */
    public long expected(int sent, boolean[] mask) {
        long expected = 0;
        for (long id = firstId; id < firstId + sent; id++) {
            int channel = Workload.channelOf(id);
            for (int copy = 0; copy < workload.fanOut(); copy++) {
                if (mask[workload.endpointOf(workload.subFor(channel, copy))]) {
                    expected++;
                }
            }
        }
        return expected;
    }

    public long unique() {
        return unique.sum();
    }

    public long uniqueHealthy() {
        return uniqueHealthy.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long unexpected() {
        return unexpected.sum();
    }

    public long signaturesChecked() {
        return signaturesChecked.sum();
    }

    public long signaturesInvalid() {
        return signaturesInvalid.sum();
    }

    /** The endpoint mask this phase was created with. */
    public boolean[] healthy() {
        return healthy.clone();
    }

    /** Sorted arrival times (epoch micros) of the delivered slots on endpoints in the mask. */
    public long[] arrivals(int sent, boolean[] mask) {
        long[] out = new long[sent * workload.fanOut()];
        int n = 0;
        for (int i = 0; i < sent; i++) {
            for (int copy = 0; copy < workload.fanOut(); copy++) {
                long at = arrivals.get(i * workload.fanOut() + copy);
                if (at != 0 && inMask(i, copy, mask)) {
                    out[n++] = at;
                }
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Sorted latencies in microseconds (record timestamp to arrival) on endpoints in the mask. */
    public long[] latencies(int sent, boolean[] mask) {
        long[] out = new long[sent * workload.fanOut()];
        int n = 0;
        for (int i = 0; i < sent; i++) {
            for (int copy = 0; copy < workload.fanOut(); copy++) {
                long at = arrivals.get(i * workload.fanOut() + copy);
                if (at != 0 && inMask(i, copy, mask)) {
                    out[n++] = at - sentMillis[i] * 1000L;
                }
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Writes "sent_ms,copy,endpoint,latency_us" per delivered slot, for looking at latency over time. */
    public void dump(java.nio.file.Path file, int sent) throws java.io.IOException {
        StringBuilder out = new StringBuilder("sent_ms,copy,endpoint,latency_us\n");
        for (int i = 0; i < sent; i++) {
            for (int copy = 0; copy < workload.fanOut(); copy++) {
                long at = arrivals.get(i * workload.fanOut() + copy);
                int endpoint = workload.endpointOf(workload.subFor(Workload.channelOf(firstId + i), copy));
                out.append(sentMillis[i]).append(',').append(copy).append(',').append(endpoint).append(',')
                        .append(at == 0 ? -1 : at - sentMillis[i] * 1000L).append('\n');
            }
        }
        java.nio.file.Files.writeString(file, out);
    }

    private boolean inMask(int index, int copy, boolean[] mask) {
        int sub = workload.subFor(Workload.channelOf(firstId + index), copy);
        return mask[workload.endpointOf(sub)];
    }
}

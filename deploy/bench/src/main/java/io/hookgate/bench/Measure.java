package io.hookgate.bench;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Runs one phase: produce, wait until the expected deliveries arrived (bounded), compute figures. */
final class Measure {

    private static final Duration STALL = Duration.ofSeconds(20);

    private final BenchReceiver receiver;
    private final LoadGenerator preloader;
    private final LoadGenerator pacer;
    private final int sampleEvery;
    private long nextId = 1_000_000;
    private java.nio.file.Path dumpDir;
    private java.nio.file.Path diagnosticsDir;

    Measure(BenchReceiver receiver, LoadGenerator preloader, LoadGenerator pacer, int sampleEvery) {
        this.receiver = receiver;
        this.preloader = preloader;
        this.pacer = pacer;
        this.sampleEvery = sampleEvery;
    }

    /** Where stall diagnostics go. */
    void diagnosticsTo(java.nio.file.Path directory) {
        this.diagnosticsDir = directory;
    }

    /** Also write each latency phase's raw latencies as CSV into this directory. */
    void dumpTo(java.nio.file.Path directory) {
        this.dumpDir = directory;
    }

    /** A phase's figures plus its raw arrivals, for later views restricted to some endpoints. */
    record Measured(PhaseResult result, Phase phase, int sent) {

        double rateWithin(boolean[] mask) {
            return Stats.sustainedRate(phase.arrivals(sent, mask), phase.expected(sent, mask));
        }

        double p99Within(boolean[] mask) {
            return Stats.percentile(phase.latencies(sent, mask), 99) / 1000;
        }
    }

    /** Preloads the events as fast as possible and measures the sustained delivery rate. */
    Measured throughput(String name, Workload workload, String topic, int events, boolean[] healthy,
            Map<Integer, Webhook> verifiers, List<? extends ChildProcess> processes) throws InterruptedException {
        Phase phase = new Phase(name, workload, take(events), events, healthy, verifiers, sampleEvery);
        receiver.phase(phase);
        long cpuBefore = cpu(processes);
        Map<String, Long> othersBefore = InfraCpu.snapshot();
        long start = System.nanoTime();
        preloader.preload(topic, workload, phase.firstId(), events, phase.sentMillis());
        long expected = phase.expected(events, healthy);
        await(name, phase::uniqueHealthy, expected);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpu(processes) - cpuBefore;
        Map<String, Long> others = delta(othersBefore, InfraCpu.snapshot());
        long[] arrivals = phase.arrivals(events, healthy);
        return new Measured(new PhaseResult(name, events, expected, phase.uniqueHealthy(), phase.duplicates(),
                phase.unexpected(), phase.signaturesChecked(), phase.signaturesInvalid(),
                Stats.sustainedRate(arrivals, expected), millis, cpu, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                others),
                phase, events);
    }

    /** Produces at a steady event rate and measures end-to-end latency (record timestamp to arrival). */
    Measured latency(String name, Workload workload, String topic, double eventsPerSecond, int seconds,
            boolean[] healthy, Map<Integer, Webhook> verifiers, List<? extends ChildProcess> processes)
            throws InterruptedException {
        int capacity = (int) Math.ceil(eventsPerSecond * seconds) + 1;
        Phase phase = new Phase(name, workload, take(capacity), capacity, healthy, verifiers, sampleEvery);
        receiver.phase(phase);
        long cpuBefore = cpu(processes);
        Map<String, Long> othersBefore = InfraCpu.snapshot();
        long start = System.nanoTime();
        int sent = pacer.paced(topic, workload, phase.firstId(), eventsPerSecond, Duration.ofSeconds(seconds),
                phase.sentMillis());
        long expected = phase.expected(sent, healthy);
        await(name, phase::uniqueHealthy, expected);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpu(processes) - cpuBefore;
        Map<String, Long> others = delta(othersBefore, InfraCpu.snapshot());
        long[] latencies = phase.latencies(sent, healthy);
        if (dumpDir != null) {
            try {
                phase.dump(dumpDir.resolve(workload.session() + "-" + name + ".csv"), sent);
            } catch (java.io.IOException e) {
                BenchRunner.log("could not dump %s: %s", name, e);
            }
        }
        return new Measured(new PhaseResult(name, sent, expected, phase.uniqueHealthy(), phase.duplicates(),
                phase.unexpected(), phase.signaturesChecked(), phase.signaturesInvalid(), Double.NaN, millis, cpu,
                Stats.percentile(latencies, 50) / 1000, Stats.percentile(latencies, 95) / 1000,
                Stats.percentile(latencies, 99) / 1000, Stats.percentile(latencies, 100) / 1000, others), phase, sent);
    }

    /** Reserves a range of message ids for a phase this class does not run itself (the drain). */
    long take(int count) {
        long first = nextId;
        nextId += count;
        return first;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        after.forEach((name, millis) -> out.put(name, millis - before.getOrDefault(name, 0L)));
        return out;
    }

    private static long cpu(List<? extends ChildProcess> processes) {
        long sum = 0;
        for (ChildProcess process : processes) {
            long millis = process.cpuMillis();
            if (millis < 0) {
                return -1;
            }
            sum += millis;
        }
        return sum;
    }

    /** Waits until the count reaches the target, no progress for 20 s, or a hard limit passes. */
    private void await(String name, LongSupplier count, long target) throws InterruptedException {
        long hardLimit = System.nanoTime() + Duration.ofSeconds(Math.max(60, target / 250)).toNanos();
        long last = -1;
        long lastProgress = System.nanoTime();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            long now = System.nanoTime();
            long current = count.getAsLong();
            if (current >= target) {
                return;
            }
            if (current != last) {
                last = current;
                lastProgress = now;
            }
            if (now - lastProgress > STALL.toNanos() || now > hardLimit) {
                BenchRunner.log("%s: stopped waiting at %d of %d deliveries", name, current, target);
                if (diagnosticsDir != null) {
                    Diagnostics.databaseSnapshot(diagnosticsDir.resolve("stall-" + name + "-" + System.currentTimeMillis()
                            + ".txt"));
                }
                return;
            }
            if (now > nextReport) {
                BenchRunner.log("%s: %d of %d deliveries", name, current, target);
                nextReport = now + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(20);
        }
    }
}

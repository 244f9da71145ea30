package io.hookgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Backlog drain (issue 16): one tenant, one subscription on every channel to one loopback receiver (fan-out 1),
 * N records produced while no consumer runs, then one process started that drains them; the gateway and the
 * ceiling drain the same backlog to the same receiver. CPU is counted between the arrival of 10 % and 90 % of the
 * backlog, so the start-up of the process is not charged to the deliveries; peak RSS is the process's VmHWM.
 */
final class DrainScenario {

    private static final Duration STALL = Duration.ofSeconds(20);
    private static final int CHECK_EVENTS = 1_000;

    private final Scenarios scenarios;
    private final BenchOptions options;
    private final ObjectMapper json;
    private final BenchReceiver receiver;
    private final LoadGenerator preloader;
    private final Measure measure;

    DrainScenario(Scenarios scenarios, BenchOptions options, ObjectMapper json, BenchReceiver receiver,
            LoadGenerator preloader, Measure measure) {
        this.scenarios = scenarios;
        this.options = options;
        this.json = json;
        this.receiver = receiver;
        this.preloader = preloader;
        this.measure = measure;
    }

    /**
     * A first gateway creates the tenant and the subscription and delivers a short check phase, then stops; the
     * backlog is produced while no gateway runs; a second gateway (same group, same database) drains it.
     */
    ObjectNode gateway(String session) throws Exception {
        Workload workload = Workload.single(session, options.endpoints);
        Gateway.Topics topics = Gateway.Topics.forSession(session);
        scenarios.createTopic(topics.events());
        ObjectNode node = json.createObjectNode();
        Map<Integer, Webhook> verifiers;
        try (Gateway setup = scenarios.startGateway(topics, session + "-setup",
                json.createObjectNode(), false)) {
            verifiers = scenarios.subscribe(setup, workload).verifiers();
            node.set("check", measure.throughput("drain-check", workload, topics.events(), CHECK_EVENTS,
                    scenarios.all(), verifiers, List.of(setup)).result().toJson(json));
            setup.stop(10_000); // SIGTERM: graceful, the check phase's offsets are committed
        }
        Phase phase = backlog(workload, topics.events(), verifiers);
        node.put("produce_ms", phase.sentMillis()[phase.sentMillis().length - 1] - phase.sentMillis()[0]);
        try (Gateway drainer = scenarios.startGateway(topics, session, node, false)) {
            node.set("drain", await(phase, drainer));
            drainer.stop(options.jfr ? 60_000 : 5_000);
        }
        return node;
    }

    /** The ceiling consumer started on a topic that already holds the same backlog, same receiver. */
    ObjectNode ceiling(String session) throws Exception {
        Workload workload = Workload.single(session, options.endpoints);
        String topic = "bench." + session + ".events";
        scenarios.createTopicForProducing(topic);
        Path routes = options.out.resolve("ceiling-routes-" + session + ".txt");
        StringBuilder lines = new StringBuilder();
        for (int c = 0; c < Workload.CHANNELS; c++) {
            lines.append(workload.channelName(c)).append(' ').append(receiver.url(workload, 0)).append('\n');
        }
        Files.writeString(routes, lines);
        Phase phase = backlog(workload, topic, Map.of());
        ObjectNode node = json.createObjectNode();
        node.put("produce_ms", phase.sentMillis()[phase.sentMillis().length - 1] - phase.sentMillis()[0]);
        try (ChildProcess process = scenarios.startCeiling(workload, topic, routes)) {
            Scenarios.awaitLine(process, "READY", Scenarios.READY_TIMEOUT);
            node.put("time_to_ready_ms", (System.nanoTime() - process.startNanos()) / 1_000_000);
            node.set("drain", await(phase, process));
            process.stop(options.jfr ? 30_000 : 2000);
        }
        return node;
    }

    private Phase backlog(Workload workload, String topic, Map<Integer, Webhook> verifiers) {
        Phase phase = new Phase("drain", workload, measure.take(options.drain), options.drain, scenarios.all(),
                verifiers, options.sampleEvery);
        receiver.phase(phase);
        preloader.preload(topic, workload, phase.firstId(), options.drain, phase.sentMillis());
        return phase;
    }

    /** Waits until the backlog is delivered (or stalls), with CPU snapshots at the 10 % and 90 % marks. */
    private ObjectNode await(Phase phase, ChildProcess process) throws InterruptedException {
        long expected = phase.expected(options.drain, scenarios.all());
        long[] marks = {(long) Math.ceil(0.1 * expected), (long) Math.ceil(0.9 * expected)};
        long[] cpu = new long[2];
        List<Map<String, Long>> infra = new java.util.ArrayList<>(List.of(Map.of(), Map.of()));
        int next = 0;
        long hardLimit = System.nanoTime() + Duration.ofSeconds(Math.max(60, expected / 250)).toNanos();
        long last = -1;
        long lastProgress = System.nanoTime();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            long now = System.nanoTime();
            long current = phase.unique();
            while (next < marks.length && current >= marks[next]) {
                cpu[next] = process.cpuMillis();
                infra.set(next, InfraCpu.snapshot());
                next++;
            }
            if (current >= expected) {
                break;
            }
            if (current != last) {
                last = current;
                lastProgress = now;
            }
            if (now - lastProgress > STALL.toNanos() || now > hardLimit) {
                BenchRunner.log("drain: stopped waiting at %d of %d deliveries", current, expected);
                break;
            }
            if (now > nextReport) {
                BenchRunner.log("drain: %d of %d deliveries, RSS %d MiB", current, expected, process.rssKib() / 1024);
                nextReport = now + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(20);
        }
        return figures(phase, process, expected, marks, next == 2 ? cpu : null, infra);
    }

    private ObjectNode figures(Phase phase, ChildProcess process, long expected, long[] marks, long[] cpu,
            List<Map<String, Long>> infra) {
        long millis = (System.nanoTime() - process.startNanos()) / 1_000_000;
        long[] arrivals = phase.arrivals(options.drain, scenarios.all());
        ObjectNode node = new PhaseResult("drain", options.drain, expected, phase.unique(), phase.duplicates(),
                phase.unexpected(), phase.signaturesChecked(), phase.signaturesInvalid(),
                Stats.sustainedRate(arrivals, expected), millis, process.cpuMillis(), Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Map.of()).toJson(json);
        node.put("duration_from_start_ms", millis);
        node.put("first_to_last_arrival_ms", arrivals.length < 2 ? -1
                : (arrivals[arrivals.length - 1] - arrivals[0]) / 1000);
        // the whole process, start-up included
        node.put("cpu_ms_per_1000_deliveries_with_start", node.path("cpu_ms_per_1000_deliveries").asDouble());
        double between = marks[1] - marks[0];
        node.put("cpu_ms_per_1000_deliveries", cpu == null ? Double.NaN
                : Stats.round((cpu[1] - cpu[0]) * 1000.0 / between, 1));
        ObjectNode others = node.putObject("other_cpu_ms_per_1000_deliveries");
        infra.get(1).forEach((who, ms) -> others.put(who, cpu == null ? Double.NaN
                : Stats.round((ms - infra.get(0).getOrDefault(who, 0L)) * 1000.0 / between, 1)));
        node.put("peak_rss_mib", process.peakRssKib() / 1024);
        node.put("rss_at_end_mib", process.rssKib() / 1024);
        return node;
    }
}

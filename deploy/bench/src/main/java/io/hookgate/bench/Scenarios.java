package io.hookgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The benchmark sessions: ceiling, gateway (clean, latency, isolation), two instances, subscription sweep; the
 * backlog drain is in {@link DrainScenario}. */
final class Scenarios implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final long SETTLE_MILLIS = 1500;

    private final BenchOptions options;
    private final ObjectMapper json;
    private final BenchReceiver receiver;
    private final LoadGenerator preloader;
    private final LoadGenerator pacer;
    private final Admin admin;
    private final Measure measure;
    private final DrainScenario drain;
    private final String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final List<Double> readyMillis = new ArrayList<>();

    Scenarios(BenchOptions options, ObjectMapper json) throws Exception {
        this.options = options;
        this.json = json;
        this.receiver = new BenchReceiver(options.endpoints, 2).start();
        this.preloader = new LoadGenerator(options.bootstrap, false);
        this.pacer = new LoadGenerator(options.bootstrap, true);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap);
        this.admin = Admin.create(props);
        this.measure = new Measure(receiver, preloader, pacer, options.sampleEvery);
        if (options.dump) {
            measure.dumpTo(options.out);
        }
        measure.diagnosticsTo(options.out.resolve("logs"));
        this.drain = new DrainScenario(this, options, json, receiver, preloader, measure);
    }

    /** The backlog drain by a gateway, then by the ceiling, each on its own topic with the same backlog. */
    ObjectNode drain(int run) throws Exception {
        ObjectNode node = json.createObjectNode();
        BenchRunner.log("run %d/%d: backlog drain of %d records, gateway", run, options.runs, options.drain);
        node.set("gateway", drain.gateway("d" + run + tag));
        if (options.ceiling) {
            BenchRunner.log("run %d/%d: backlog drain, ceiling", run, options.runs);
            node.set("ceiling", drain.ceiling("e" + run + tag));
        }
        return node;
    }

    List<Double> readyMillis() {
        return readyMillis;
    }

    /** The minimal non-durable consumer on the same workload. */
    ObjectNode ceiling(int run, double pacedEventsPerSecond) throws Exception {
        Workload workload = new Workload("c" + run + tag, options.subscriptions, options.endpoints);
        String topic = "bench." + workload.session() + ".events";
        createTopic(topic);
        Path routes = options.out.resolve("ceiling-routes-" + workload.session() + ".txt");
        StringBuilder lines = new StringBuilder();
        for (int c = 0; c < Workload.CHANNELS; c++) {
            lines.append(workload.channelName(c)).append(' ').append(receiver.url(workload, workload.subFor(c, 0)))
                    .append(' ').append(receiver.url(workload, workload.subFor(c, 1))).append('\n');
        }
        Files.writeString(routes, lines);
        try (ChildProcess process = startCeiling(workload, topic, routes)) {
            awaitLine(process, "READY", READY_TIMEOUT);
            warmUp(workload, topic, Map.of(), List.of(process), json.createObjectNode());
            Measure.Measured clean = measure.throughput("ceiling", workload, topic, options.events,
                    all(), Map.of(), List.of(process));
            ObjectNode node = clean.result().toJson(json);
            if (pacedEventsPerSecond > 0) {
                // the same paced load as the gateway's latency phase: the machine's own latency floor
                node.set("latency", measure.latency("ceiling-latency", workload, topic, pacedEventsPerSecond,
                        options.latencySeconds, all(), Map.of(), List.of(process)).result().toJson(json));
            }
            node.put("peak_rss_mib", process.peakRssKib() / 1024);
            process.stop(options.jfr ? 30_000 : 2000);
            return node;
        }
    }

    /** The ceiling consumer as a child process (-Xmx256m, Serial GC) on a routes file; READY once assigned. */
    ChildProcess startCeiling(Workload workload, String topic, Path routes) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx256m", "-XX:+UseSerialGC"));
        if (options.jfr) {
            command.add(jfrOption("ceiling-" + workload.session()));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Ceiling.class.getName(),
                options.bootstrap, topic, "ceiling-" + workload.session(), routes.toString()));
        return new ChildProcess(command, Map.of(), logFile("ceiling-" + workload.session()));
    }

    /** One gateway: time to ready, clean throughput, paced latency, then the isolation pair. */
    ObjectNode gateway(int run) throws Exception {
        Workload workload = new Workload("g" + run + tag, options.subscriptions, options.endpoints);
        Gateway.Topics topics = Gateway.Topics.forSession(workload.session());
        createTopic(topics.events());
        ObjectNode node = json.createObjectNode();
        try (Gateway gateway = startGateway(topics, workload.session(), node)) {
            Session session = subscribe(gateway, workload);
            warmUp(workload, topics.events(), session.verifiers(), List.of(gateway), node);
            Measure.Measured clean = measure.throughput("clean", workload, topics.events(), options.events, all(),
                    session.verifiers(), List.of(gateway));
            node.set("clean", clean.result().toJson(json));
            double rate = clean.result().deliveriesPerSecond();
            double eventsPerSecond = options.latencyRate > 0 ? options.latencyRate
                    : (Double.isNaN(rate) ? 1000 : rate) / 2 / Workload.FAN_OUT;
            node.put("paced_events_per_s", Stats.round(eventsPerSecond, 1));
            double[] before = timers(gateway);
            Measure.Measured latency = measure.latency("latency", workload, topics.events(), eventsPerSecond,
                    options.latencySeconds, all(), session.verifiers(), List.of(gateway));
            node.set("latency", latency.result().toJson(json));
            splitLatency(node, before, timers(gateway));
            if (options.lightRate > 0) {
                // a load that leaves the shared machine spare CPU: latency without queueing for a core
                node.put("light_events_per_s", options.lightRate);
                node.set("latency_light", measure.latency("latency-light", workload, topics.events(),
                        options.lightRate, options.latencySeconds, all(), session.verifiers(), List.of(gateway))
                        .result().toJson(json));
            }
            if (options.inboundRate > 0) {
                node.set("inbound", InboundPhase.run(gateway, Gateway.ADMIN_KEY, options.bootstrap,
                        options.inboundRate, options.inboundSeconds, workload.session()));
            }
            if (options.retentionRows > 0 && options.lightRate > 0 && run == 1) {
                node.set("retention", RetentionPhase.run(measure, gateway, workload, topics.events(), options, all(),
                        session.verifiers(), json));
            }
            if (options.pullWaiters > 0 && options.lightRate > 0 && run == 1) {
                node.set("pull", PullPhase.run(measure, gateway, workload, topics.events(), options, all(),
                        session.verifiers(), json));
            }
            if (options.isolation) {
                isolation(node, workload, topics, session, gateway, clean, latency, eventsPerSecond);
            }
            node.put("peak_rss_mib", gateway.peakRssKib() / 1024);
            session.delete();
            gateway.stop(options.jfr ? 60_000 : 5_000);
        }
        return node;
    }

    private void isolation(ObjectNode node, Workload workload, Gateway.Topics topics, Session session,
            Gateway gateway, Measure.Measured clean, Measure.Measured latency, double eventsPerSecond)
            throws InterruptedException {
        boolean[] healthy = all();
        int hang = 0;
        int failing = 1;
        healthy[hang] = false;
        healthy[failing] = false;
        long hangBefore = receiver.attempts(hang);
        long failingBefore = receiver.attempts(failing);
        receiver.mode(hang, BenchReceiver.Mode.HANG);
        receiver.mode(failing, BenchReceiver.Mode.ERROR_500);
        try {
            Measure.Measured faulty = measure.throughput("isolation", workload, topics.events(), options.events,
                    healthy, session.verifiers(), List.of(gateway));
            Measure.Measured faultyLatency = measure.latency("isolation-latency", workload, topics.events(),
                    eventsPerSecond, options.latencySeconds, healthy, session.verifiers(), List.of(gateway));
            ObjectNode iso = json.createObjectNode();
            iso.put("hanging_endpoints", 1);
            iso.put("failing_500_endpoints", 1);
            iso.put("clean_healthy_deliveries_per_s", Stats.round(clean.rateWithin(healthy), 1));
            iso.put("clean_healthy_p99_ms", Stats.round(latency.p99Within(healthy), 2));
            iso.set("throughput", faulty.result().toJson(json));
            iso.set("latency", faultyLatency.result().toJson(json));
            iso.put("attempts_on_hanging_endpoint", receiver.attempts(hang) - hangBefore);
            iso.put("attempts_on_failing_endpoint", receiver.attempts(failing) - failingBefore);
            node.set("isolation", iso);
        } finally {
            receiver.allOk();
        }
    }

    /** Two gateway instances in one consumer group on the clean workload. */
    ObjectNode twoInstances(int run) throws Exception {
        Workload workload = new Workload("s" + run + tag, options.subscriptions, options.endpoints);
        Gateway.Topics topics = Gateway.Topics.forSession(workload.session());
        createTopic(topics.events());
        ObjectNode node = json.createObjectNode();
        try (Gateway first = startGateway(topics, workload.session() + "-a", node);
                Gateway second = startGateway(topics, workload.session() + "-b", json.createObjectNode())) {
            Session session = subscribe(first, workload);
            Thread.sleep(2000); // let the group settle with both members before the load arrives
            warmUp(workload, topics.events(), session.verifiers(), List.of(first, second), node);
            Measure.Measured clean = measure.throughput("two-instances", workload, topics.events(), options.events,
                    all(), session.verifiers(), List.of(first, second));
            node.set("clean", clean.result().toJson(json));
            ArrayNode split = node.putArray("delivered_per_instance");
            split.add(first.metric("hookgate_deliveries_total", "outcome=\"delivered\""));
            split.add(second.metric("hookgate_deliveries_total", "outcome=\"delivered\""));
            ArrayNode rss = node.putArray("peak_rss_mib");
            rss.add(first.peakRssKib() / 1024);
            rss.add(second.peakRssKib() / 1024);
            session.delete();
        }
        return node;
    }

    /** Cost as the subscription count grows, fan-out kept at 2; extra subscriptions are on idle channels. */
    ArrayNode subscriptionSweep() throws Exception {
        Workload workload = new Workload("w" + tag, Math.min(10, options.subscriptions), options.endpoints);
        Gateway.Topics topics = Gateway.Topics.forSession(workload.session());
        createTopic(topics.events());
        ArrayNode levels = json.createArrayNode();
        try (Gateway gateway = startGateway(topics, workload.session(), json.createObjectNode())) {
            Session session = subscribe(gateway, workload);
            warmUp(workload, topics.events(), session.verifiers(), List.of(gateway), json.createObjectNode());
            int total = workload.activeSubs();
            for (int count : options.sweepCounts) {
                ObjectNode level = levels.addObject();
                level.put("subscriptions", Math.max(count, total));
                long started = System.nanoTime();
                int added = session.addIdle(Math.max(0, count - total));
                double seconds = (System.nanoTime() - started) / 1e9;
                total += added;
                level.put("created", added);
                level.put("created_per_s", added == 0 ? Double.NaN : Stats.round(added / seconds, 1));
                Thread.sleep(SETTLE_MILLIS);
                ArrayNode runs = level.putArray("runs");
                for (int run = 0; run < options.runs; run++) {
                    runs.add(measure.throughput("subscriptions-" + total, workload, topics.events(),
                            options.sweepEvents, all(), session.verifiers(), List.of(gateway)).result().toJson(json));
                }
                level.put("rss_mib", gateway.rssKib() / 1024);
            }
        }
        return levels;
    }

    /** The gateway's own timers: attempt and end-to-end sums (s) and counts, from /q/metrics. */
    private static double[] timers(Gateway gateway) {
        return new double[] {
            gateway.metric("hookgate_delivery_attempt_seconds_sum", ""),
            gateway.metric("hookgate_delivery_attempt_seconds_count", ""),
            gateway.metric("hookgate_delivery_end_to_end_seconds_sum", ""),
            gateway.metric("hookgate_delivery_end_to_end_seconds_count", ""),
            gateway.metric("hookgate_intake_stored_delay_seconds_sum", ""),
            gateway.metric("hookgate_intake_stored_delay_seconds_count", ""),
            gateway.metric("hookgate_intake_batch_records_sum", ""),
            gateway.metric("hookgate_intake_batch_records_count", ""),
            gateway.metric("hookgate_intake_batch_duration_seconds_sum", ""),
        };
    }

    /** Mean HTTP attempt, intake (record to stored) and end-to-end times in the latency phase, and batch size. */
    private static void splitLatency(ObjectNode node, double[] before, double[] after) {
        double attempts = after[1] - before[1];
        double ends = after[3] - before[3];
        ObjectNode split = node.putObject("gateway_timers_in_latency_phase");
        split.put("mean_attempt_ms", attempts <= 0 ? Double.NaN : Stats.round((after[0] - before[0]) / attempts * 1000, 2));
        split.put("mean_end_to_end_ms", ends <= 0 ? Double.NaN : Stats.round((after[2] - before[2]) / ends * 1000, 2));
        double stored = after[5] - before[5];
        double batches = after[7] - before[7];
        split.put("mean_stored_after_ms", stored <= 0 ? Double.NaN : Stats.round((after[4] - before[4]) / stored * 1000, 2));
        split.put("mean_batch_store_ms", batches <= 0 ? Double.NaN : Stats.round((after[8] - before[8]) / batches * 1000, 2));
        split.put("mean_records_per_kafka_batch", batches <= 0 ? Double.NaN : Stats.round((after[6] - before[6]) / batches, 1));
    }

    /** Unmeasured load first, so the JIT has compiled the hot paths before anything is timed. */
    private void warmUp(Workload workload, String topic, Map<Integer, Webhook> verifiers,
            List<? extends ChildProcess> processes, ObjectNode node) throws InterruptedException {
        if (options.warmupEvents > 0) {
            node.set("warmup", measure.throughput("warmup", workload, topic, options.warmupEvents, all(), verifiers,
                    processes).result().toJson(json));
        }
    }

    Gateway startGateway(Gateway.Topics topics, String name, ObjectNode node) throws Exception {
        return startGateway(topics, name, node, true);
    }

    /** @param counted whether its time to ready joins the run's figure (not for the drain's loaded starts) */
    Gateway startGateway(Gateway.Topics topics, String name, ObjectNode node, boolean counted) throws Exception {
        List<String> jvm = new ArrayList<>(options.gatewayJvm);
        if (options.jfr) {
            jvm.add(jfrOption("gateway-" + name));
        }
        Map<String, String> env = options.gatewayMallocArenas > 0
                ? Map.of("MALLOC_ARENA_MAX", Integer.toString(options.gatewayMallocArenas)) : Map.of();
        Gateway gateway = Gateway.launch(options.jar, jvm, options.gatewayCpuMillis, env, topics,
                logFile("gateway-" + name));
        try {
            long ready = gateway.awaitReady(READY_TIMEOUT);
            if (counted) {
                readyMillis.add((double) ready);
            }
            node.put("time_to_ready_ms", ready);
            return gateway;
        } catch (RuntimeException | InterruptedException e) {
            gateway.close();
            throw e;
        }
    }

    private String jfrOption(String name) {
        return "-XX:StartFlightRecording=filename=" + options.out.resolve(name + ".jfr").toAbsolutePath()
                + ",settings=profile,dumponexit=true";
    }

    /** The tenant and the active subscriptions of a session, with one verifier per subscription. */
    Session subscribe(Gateway gateway, Workload workload) throws Exception {
        AdminApi api = new AdminApi(gateway.baseUrl());
        AdminApi.Tenant tenant = api.createTenant(Gateway.ADMIN_KEY, "bench-" + workload.session());
        List<AdminApi.Spec> specs = new ArrayList<>();
        for (int sub = 0; sub < workload.activeSubs(); sub++) {
            specs.add(new AdminApi.Spec(receiver.url(workload, sub), workload.channelsOf(sub)));
        }
        List<AdminApi.Subscription> subs = api.createSubscriptions(tenant.apiKey(), specs, 4);
        Map<Integer, Webhook> verifiers = new HashMap<>();
        for (int sub = 0; sub < subs.size(); sub++) {
            verifiers.put(sub, new Webhook(subs.get(sub).secret()));
        }
        Thread.sleep(SETTLE_MILLIS); // the subscription index of every instance learns of them by NOTIFY
        return new Session(api, tenant, workload, new ArrayList<>(subs), verifiers);
    }

    final class Session {
        private final AdminApi api;
        private final AdminApi.Tenant tenant;
        private final Workload workload;
        private final List<AdminApi.Subscription> subscriptions;
        private final Map<Integer, Webhook> verifiers;

        Session(AdminApi api, AdminApi.Tenant tenant, Workload workload, List<AdminApi.Subscription> subscriptions,
                Map<Integer, Webhook> verifiers) {
            this.api = api;
            this.tenant = tenant;
            this.workload = workload;
            this.subscriptions = subscriptions;
            this.verifiers = verifiers;
        }

        Map<Integer, Webhook> verifiers() {
            return verifiers;
        }

        int addIdle(int count) throws InterruptedException {
            List<AdminApi.Spec> specs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int sub = subscriptions.size() + i;
                specs.add(new AdminApi.Spec(receiver.url(workload, sub), List.of(workload.idleChannelName(sub))));
            }
            subscriptions.addAll(api.createSubscriptions(tenant.apiKey(), specs, 16));
            return count;
        }

        void delete() throws InterruptedException {
            int deleted = api.deleteSubscriptions(tenant.apiKey(), subscriptions, 4);
            if (deleted != subscriptions.size()) {
                BenchRunner.log("deleted only %d of %d subscriptions of %s", deleted, subscriptions.size(),
                        workload.session());
            }
        }
    }

    void createTopic(String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, options.partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    /**
     * A topic that is produced to at once (the drain's backlog, before any consumer starts): waits until every
     * partition has a leader, then settles, because a first idempotent batch that meets NOT_LEADER on a fresh
     * partition was retried with OUT_OF_ORDER_SEQUENCE_NUMBER until it expired.
     */
    void createTopicForProducing(String name) throws Exception {
        createTopic(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var description = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
            if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                Thread.sleep(SETTLE_MILLIS);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no leader for every partition of " + name + " within 30 s");
    }

    boolean[] all() {
        boolean[] mask = new boolean[options.endpoints];
        Arrays.fill(mask, true);
        return mask;
    }

    Path logFile(String name) {
        return options.out.resolve("logs").resolve(name + ".log");
    }

    static void awaitLine(ChildProcess process, String line, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(process.log()) && Files.readString(process.log()).contains(line)) {
                return;
            }
            if (!process.alive()) {
                throw new IllegalStateException("process exited; see " + process.log());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no '" + line + "' within " + timeout + "; see " + process.log());
    }

    @Override
    public void close() {
        preloader.close();
        pacer.close();
        admin.close(Duration.ofSeconds(5));
        receiver.close();
    }
}

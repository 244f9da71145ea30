package io.hookgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pull subscriptions under load (issue 14): {@code waiters} idle long-polls against one gateway (RSS within the pod
 * limit, thread count flat, push latency with and without them in the same run), then long-poll wake-up latency
 * and the messages/s that 10 pull consumers read while a push throughput phase runs.
 */
final class PullPhase {

    /** k8s/app/deployment.yaml: the gateway container's memory limit. */
    static final int POD_LIMIT_MIB = 640;
    static final int SUBSCRIPTIONS = 100;
    static final int CONSUMERS = 10;

    private PullPhase() {
    }

    static ObjectNode run(Measure measure, Gateway gateway, Workload workload, String topic, BenchOptions options,
            boolean[] healthy, Map<Integer, Webhook> verifiers, ObjectMapper json) throws Exception {
        ObjectNode node = json.createObjectNode();
        AdminApi.Tenant tenant = new AdminApi(gateway.baseUrl()).createTenant(Gateway.ADMIN_KEY,
                "bench-pull-" + workload.session());
        PullApi api = new PullApi(gateway.baseUrl(), tenant.apiKey());
        node.set("idle", idle(measure, gateway, workload, topic, options, healthy, verifiers, api, json));
        node.set("wake", PullReaders.wakeLatency(api, options, topic, workload.session() + "-wake", json));
        node.set("throughput", PullReaders.throughput(measure, gateway, api, workload, topic, options, healthy,
                verifiers, json));
        return node;
    }

    private static ObjectNode idle(Measure measure, Gateway gateway, Workload workload, String topic,
            BenchOptions options, boolean[] healthy, Map<Integer, Webhook> verifiers, PullApi api, ObjectMapper json)
            throws Exception {
        ObjectNode node = json.createObjectNode();
        int waiters = options.pullWaiters;
        int perSubscription = Math.max(1, waiters / SUBSCRIPTIONS);
        List<String> subs = api.create(SUBSCRIPTIONS, List.of(workload.session() + "-pull-idle"));
        node.put("waiters", perSubscription * SUBSCRIPTIONS);
        node.put("kind", options.pullStreams ? "streams" : "long-polls");
        node.put("subscriptions", SUBSCRIPTIONS);
        node.put("pod_limit_mib", POD_LIMIT_MIB);
        node.put("events_per_s", options.lightRate);
        Proc before = Proc.of(gateway);
        node.put("threads_before", before.threads());
        node.put("rss_before_mib", before.rssMib());
        Measure.Measured baseline = measure.latency("pull-idle-baseline", workload, topic, options.lightRate,
                options.latencySeconds, healthy, verifiers, List.of(gateway));
        node.set("push_without_waiters", baseline.result().toJson(json));
        node.put("client_nice", options.pullClientNice);
        node.put("stagger_s", options.pullStaggerSeconds);
        WaitersClient polls = WaitersClient.start(gateway.baseUrl(), api.apiKey(), subs, perSubscription,
                options.pullStreams, options.pullStaggerSeconds, options.pullClientNice,
                options.out.resolve("logs").resolve("waiters-client-" + workload.session() + ".log"));
        try (polls) {
            long opening = System.nanoTime();
            // 98 %: a waiter whose wait ended is re-polled at once, but is not counted while its read runs
            double held = awaitWaiters(gateway, perSubscription * SUBSCRIPTIONS * 98 / 100, Duration.ofSeconds(150));
            node.put("open_ms", (System.nanoTime() - opening) / 1_000_000);
            node.put("waiters_registered", held);
            Proc opened = Proc.of(gateway);
            Measure.Measured during = measure.latency("pull-idle-waiters", workload, topic, options.lightRate,
                    options.latencySeconds, healthy, verifiers, List.of(gateway));
            // the first window also takes the collections that promote 10,000 fresh connections; the second is
            // the same push while the same long-polls are only held
            Measure.Measured settled = measure.latency("pull-idle-held", workload, topic, options.lightRate,
                    options.latencySeconds, healthy, verifiers, List.of(gateway));
            node.set("push_with_waiters", during.result().toJson(json));
            node.set("push_while_held", settled.result().toJson(json));
            if (options.pullCycleSeconds > 0) {
                // idle long-polls are not idle forever: each wait=30 ends and re-polls inside this window
                node.set("push_over_repoll_cycle", measure.latency("pull-idle-cycle", workload, topic,
                        options.lightRate, options.pullCycleSeconds, healthy, verifiers, List.of(gateway))
                        .result().toJson(json));
            }
            Proc after = Proc.of(gateway);
            node.put("threads_during", Math.max(opened.threads(), after.threads()));
            node.put("rss_during_mib", Math.max(opened.rssMib(), after.rssMib()));
            node.put("waiters_at_end", gateway.metric("hookgate_pull_waiters", ""));
            node.put("client_cpu_ms", polls.cpuMillis());
        }
        node.put("answered_early", polls.answered());
        node.put("refused", polls.refused());
        node.put("failed", polls.failed());
        node.put("peak_answers_per_s", polls.peakAnswersPerSecond());
        node.put("peak_rss_mib", gateway.peakRssKib() / 1024);
        node.put("rss_within_pod_limit", gateway.peakRssKib() / 1024 <= POD_LIMIT_MIB);
        // closed connections must forget their waiters at once, not when their wait=30 ends
        long closing = System.nanoTime();
        node.put("waiters_after_close", awaitWaiters(gateway, 0, Duration.ofSeconds(10)));
        node.put("forget_after_close_ms", (System.nanoTime() - closing) / 1_000_000);
        return node;
    }

    /** Waits until the gateway's waiter gauge reaches the target (or, for 0, falls to it); returns its value. */
    private static double awaitWaiters(Gateway gateway, int target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double now = gateway.metric("hookgate_pull_waiters", "");
        while (System.nanoTime() < deadline && (target == 0 ? now > 0 : now < target)) {
            Thread.sleep(200);
            now = gateway.metric("hookgate_pull_waiters", "");
        }
        return now;
    }

    /** Resident memory and thread count of a process right now (/proc/pid/status). */
    record Proc(long rssMib, int threads) {
        static Proc of(ChildProcess process) throws IOException {
            long rss = -1;
            int threads = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return new Proc(rss, threads);
        }
    }

    static List<String> channels(Workload workload) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < Workload.CHANNELS; c++) {
            names.add(workload.channelName(c));
        }
        return names;
    }
}

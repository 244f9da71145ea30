package io.hookgate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link BenchRunner}; the mode sets the defaults, flags override them. */
public final class BenchOptions {

    String mode = "full";
    int runs;
    int events;
    int warmupEvents;
    int latencySeconds;
    double latencyRate;
    double lightRate = 250;
    // delivered deliveries (each with an attempt and an event) purged by retention during a paced phase; 0 = off
    int retentionRows;
    int sweepEvents;
    // backlog drain (issue 16): records produced while no consumer runs, then drained by a gateway and the ceiling;
    // 0 = off
    int drain = 200_000;
    boolean drainOnly;
    // inbound phase (issue 15): rate x seconds / 2 signed GitHub pushes as a burst, then half the burst's rate paced
    // for seconds / 2; 0 = off
    double inboundRate = 150;
    int inboundSeconds = 10;
    // pull subscriptions (issue 14): idle long-polls held during a paced phase, events read by 10 pull consumers,
    // wake-up rounds; 0 waiters = no pull phase
    int pullWaiters = 10_000;
    // hold the idle waiters as SSE streams instead of long-polls
    boolean pullStreams;
    // CPU priority of the idle waiters' client process: 19 stands in for clients on other machines, 0 lets the
    // 10,000-connection client compete with the gateway for the same cores
    int pullClientNice = 19;
    int pullEvents = 5_000;
    // a push window this long after the held one: it spans one whole wait=30, so every waiter re-polls within it;
    // 0 = none (smoke)
    int pullCycleSeconds = 30;
    // 0: every waiter opens at once and they re-poll together; N: first polls spread evenly over N seconds
    int pullStaggerSeconds;
    int pullWakeRounds = 50;
    int[] sweepCounts = {10, 100, 1000, 10000};
    boolean ceiling = true;
    boolean gateway = true;
    boolean isolation = true;
    boolean scaling = true;
    boolean sweep = true;
    boolean jfr;
    boolean dump;
    int sampleEvery;
    int partitions = 4;
    int endpoints = 10;
    int subscriptions = 20;
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    Path out = Path.of("target", "bench");
    // the JVM options of the Kubernetes deployment (k8s/app/deployment.yaml): 256 MiB heap starting at 96 MiB (on a
    // large host the JVM would otherwise start at its maximum), no metaspace-triggered full GC during start-up,
    // Serial GC, native heap trimmed every 5 s
    List<String> gatewayJvm = new ArrayList<>(List.of("-Xmx256m", "-Xms96m", "-XX:MetaspaceSize=128m",
            "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000"));
    // MALLOC_ARENA_MAX of the Kubernetes deployment; 0 leaves glibc's default (8 arenas per core)
    int gatewayMallocArenas = 2;
    // the pod's CPU limit in millicores (a cgroup quota, needs root); 0: the gateway may use every core
    int gatewayCpuMillis;
    String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");

    static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        for (String arg : args) {
            if (arg.equals("--smoke") || arg.equals("--quick") || arg.equals("--full")) {
                o.mode = arg.substring(2);
            }
        }
        o.applyModeDefaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--smoke", "--quick", "--full" -> { }
                case "--runs" -> o.runs = Integer.parseInt(args[++i]);
                case "--events" -> o.events = Integer.parseInt(args[++i]);
                case "--warmup-events" -> o.warmupEvents = Integer.parseInt(args[++i]);
                case "--latency-seconds" -> o.latencySeconds = Integer.parseInt(args[++i]);
                case "--latency-rate" -> o.latencyRate = Double.parseDouble(args[++i]);
                case "--light-rate" -> o.lightRate = Double.parseDouble(args[++i]);
                case "--retention-rows" -> o.retentionRows = Integer.parseInt(args[++i]);
                case "--no-retention" -> o.retentionRows = 0;
                case "--inbound-rate" -> o.inboundRate = Double.parseDouble(args[++i]);
                case "--inbound-seconds" -> o.inboundSeconds = Integer.parseInt(args[++i]);
                case "--no-inbound" -> o.inboundRate = 0;
                case "--pull-waiters" -> o.pullWaiters = Integer.parseInt(args[++i]);
                case "--no-pull" -> o.pullWaiters = 0;
                case "--pull-streams" -> o.pullStreams = true;
                case "--pull-client-nice" -> o.pullClientNice = Integer.parseInt(args[++i]);
                case "--pull-cycle-seconds" -> o.pullCycleSeconds = Integer.parseInt(args[++i]);
                case "--pull-stagger-seconds" -> o.pullStaggerSeconds = Integer.parseInt(args[++i]);
                case "--drain" -> o.drain = Integer.parseInt(args[++i]);
                case "--no-drain" -> o.drain = 0;
                case "--drain-only" -> o.drainOnly = true;
                case "--sweep-events" -> o.sweepEvents = Integer.parseInt(args[++i]);
                case "--sweep-counts" -> o.sweepCounts = Arrays.stream(args[++i].split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--sample-every" -> o.sampleEvery = Integer.parseInt(args[++i]);
                case "--no-ceiling" -> o.ceiling = false;
                case "--no-gateway" -> o.gateway = false;
                case "--no-isolation" -> o.isolation = false;
                case "--no-scaling" -> o.scaling = false;
                case "--no-sweep" -> o.sweep = false;
                case "--gateway-malloc-arenas" -> o.gatewayMallocArenas = Integer.parseInt(args[++i]);
                case "--gateway-cpu-millis" -> o.gatewayCpuMillis = Integer.parseInt(args[++i]);
                case "--jfr" -> o.jfr = true;
                case "--dump" -> o.dump = true;
                case "--jar" -> o.jar = Path.of(args[++i]);
                case "--out" -> o.out = Path.of(args[++i]);
                case "--gateway-jvm-opts" -> o.gatewayJvm = new ArrayList<>(List.of(args[++i].trim().split("\\s+")));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return o;
    }

    private void applyModeDefaults() {
        switch (mode) {
            case "smoke" -> {
                runs = 1;
                events = 10_000;
                warmupEvents = 2_000;
                latencySeconds = 5;
                inboundSeconds = 6;
                sampleEvery = 10;
                ceiling = false;
                isolation = false;
                scaling = false;
                sweep = false;
                // 200k records take minutes to produce and drain twice: not in CI
                drain = 0;
                // the pull phases stay under 30 s together in CI
                pullWaiters = 1_000;
                pullEvents = 2_000;
                pullCycleSeconds = 0;
                pullWakeRounds = 10;
            }
            case "quick" -> {
                runs = 1;
                retentionRows = 100_000;
                events = 15_000;
                // C2 is still compiling after 8k events on 2 shared cores (CPU per delivery halves by 30k)
                warmupEvents = 20_000;
                latencySeconds = 6;
                sweepEvents = 4_000;
                sampleEvery = 100;
            }
            default -> {
                runs = 3;
                retentionRows = 100_000;
                // sized so three runs of everything fit in 10 minutes on 2 shared cores (issue: 600k)
                events = 12_000;
                warmupEvents = 20_000;
                latencySeconds = 6;
                sweepEvents = 3_000;
                sampleEvery = 100;
            }
        }
    }
}

package io.hookgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Runs the benchmark end to end against infrastructure given by the environment (deploy/bench/run
 * starts it): receivers in-process, the gateway jar and the ceiling as child processes. Writes
 * result.json into the output directory and prints a table. Exit status 1 if any delivery was lost
 * or any sampled signature was invalid, 2 if the run itself failed.
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = json.createObjectNode();
        result.put("mode", options.mode);
        result.put("started_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.set("machine", Report.machine(json));
        result.set("parameters", parameters(json, options));
        ObjectNode runs = result.putObject("runs");
        int status;
        try {
            Files.createDirectories(options.out.resolve("logs"));
            try (Scenarios scenarios = new Scenarios(options, json)) {
                execute(options, scenarios, runs);
                ArrayNode ready = runs.putArray("time_to_ready_ms");
                scenarios.readyMillis().forEach(ready::add);
            }
            status = Report.summarise(json, result, options) ? 0 : 1;
        } catch (Exception e) {
            log("benchmark failed: %s", e);
            e.printStackTrace();
            result.put("error", e.toString());
            status = 2;
        }
        if (options.gatewayCpuMillis > 0) {
            CpuQuota.release();
        }
        result.put("finished_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            json.writeValue(options.out.resolve("result.json").toFile(), result);
            log("wrote %s", options.out.resolve("result.json"));
        } catch (Exception e) {
            log("could not write result.json: %s", e);
            status = 2;
        }
        System.exit(status);
    }

    private static void execute(BenchOptions options, Scenarios scenarios, ObjectNode runs) throws Exception {
        if (options.drainOnly) {
            drains(options, scenarios, runs);
            return;
        }
        ArrayNode ceilings = runs.putArray("ceiling");
        ArrayNode gateways = runs.putArray("gateway");
        for (int run = 1; run <= options.runs; run++) {
            double paced = 0;
            if (options.gateway) {
                log("run %d/%d: gateway", run, options.runs);
                ObjectNode gateway = scenarios.gateway(run);
                gateways.add(gateway);
                paced = gateway.path("paced_events_per_s").asDouble(0);
            }
            if (options.ceiling) {
                log("run %d/%d: ceiling", run, options.runs);
                ceilings.add(scenarios.ceiling(run, paced));
            }
        }
        drains(options, scenarios, runs);
        if (options.scaling && options.gateway) {
            ArrayNode two = runs.putArray("two_instances");
            for (int run = 1; run <= options.runs; run++) {
                log("run %d/%d: two gateway instances", run, options.runs);
                two.add(scenarios.twoInstances(run));
            }
        }
        if (options.sweep && options.gateway) {
            log("subscription sweep");
            runs.set("subscriptions", scenarios.subscriptionSweep());
        }
    }

    private static void drains(BenchOptions options, Scenarios scenarios, ObjectNode runs) throws Exception {
        if (options.drain <= 0 || !options.gateway) {
            return;
        }
        ArrayNode drains = runs.putArray("drain");
        for (int run = 1; run <= options.runs; run++) {
            drains.add(scenarios.drain(run));
        }
    }

    private static ObjectNode parameters(ObjectMapper json, BenchOptions options) {
        ObjectNode node = json.createObjectNode();
        node.put("runs", options.runs);
        node.put("events", options.events);
        node.put("warmup_events", options.warmupEvents);
        node.put("deliveries_per_run", (long) options.events * Workload.FAN_OUT);
        node.put("event_bytes", ChatEvents.TARGET_BYTES);
        node.put("channels", Workload.CHANNELS);
        node.put("subscriptions", options.subscriptions);
        node.put("endpoints", options.endpoints);
        node.put("fan_out", Workload.FAN_OUT);
        node.put("partitions", options.partitions);
        node.put("latency_seconds", options.latencySeconds);
        node.put("sweep_events", options.sweepEvents);
        node.put("drain_records", options.drain);
        ArrayNode counts = node.putArray("sweep_counts");
        for (int count : options.sweepCounts) {
            counts.add(count);
        }
        node.put("signature_sample_every", options.sampleEvery);
        node.put("gateway_jvm_options", String.join(" ", options.gatewayJvm));
        node.put("gateway_cpu_millis", options.gatewayCpuMillis);
        return node;
    }

    static void log(String format, Object... args) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " bench: " + String.format(format, args));
    }
}

package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Medians over runs, targets from issue 5, the correctness checks, and the printed table. */
final class Report {

    private static final String[] CHECKED_PHASES = {"warmup", "clean", "latency", "latency_light", "throughput", "inbound"};

    private Report() {
    }

    static ObjectNode machine(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("cores", Runtime.getRuntime().availableProcessors());
        node.put("memory_gib", memoryGib());
        node.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        node.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        node.put("cpu", cpuModel());
        return node;
    }

    /** Adds figures, targets and checks to the result; returns false if a delivery was lost or forged. */
    static boolean summarise(ObjectMapper json, ObjectNode result, BenchOptions options) {
        JsonNode runs = result.path("runs");
        ObjectNode figures = result.putObject("figures");
        List<JsonNode> gateways = list(runs.path("gateway"));
        List<JsonNode> ceilings = list(runs.path("ceiling"));
        double gatewayRate = median(gateways, g -> g.path("clean").path("deliveries_per_s").asDouble(Double.NaN));
        double ceilingRate = median(ceilings, c -> c.path("deliveries_per_s").asDouble(Double.NaN));
        figures.put("gateway_deliveries_per_s", Stats.round(gatewayRate, 0));
        figures.put("ceiling_deliveries_per_s", Stats.round(ceilingRate, 0));
        List<Double> fractions = new ArrayList<>();
        for (int i = 0; i < Math.min(gateways.size(), ceilings.size()); i++) {
            fractions.add(gateways.get(i).path("clean").path("deliveries_per_s").asDouble(Double.NaN)
                    / ceilings.get(i).path("deliveries_per_s").asDouble(Double.NaN));
        }
        double fraction = Stats.median(fractions);
        figures.put("fraction_of_ceiling", Stats.round(fraction, 3));
        for (String p : new String[] {"p50", "p95", "p99"}) {
            figures.put("latency_" + p + "_ms", Stats.round(median(gateways,
                    g -> g.path("latency").path("latency_" + p + "_ms").asDouble(Double.NaN)), 1));
        }
        for (String p : new String[] {"p50", "p99"}) {
            figures.put("light_latency_" + p + "_ms", Stats.round(median(gateways,
                    g -> g.path("latency_light").path("latency_" + p + "_ms").asDouble(Double.NaN)), 1));
        }
        figures.put("light_events_per_s", options.lightRate);
        figures.put("ceiling_latency_p99_ms", Stats.round(median(ceilings,
                c -> c.path("latency").path("latency_p99_ms").asDouble(Double.NaN)), 1));
        figures.put("ceiling_latency_p50_ms", Stats.round(median(ceilings,
                c -> c.path("latency").path("latency_p50_ms").asDouble(Double.NaN)), 1));
        figures.put("paced_events_per_s", Stats.round(median(gateways,
                g -> g.path("paced_events_per_s").asDouble(Double.NaN)), 0));
        figures.put("cpu_ms_per_1000_deliveries", Stats.round(median(gateways,
                g -> g.path("clean").path("cpu_ms_per_1000_deliveries").asDouble(Double.NaN)), 1));
        figures.put("ceiling_cpu_ms_per_1000_deliveries", Stats.round(median(ceilings,
                c -> c.path("cpu_ms_per_1000_deliveries").asDouble(Double.NaN)), 1));
        ObjectNode machineCpu = figures.putObject("machine_cpu_ms_per_1000_deliveries");
        for (String who : new String[] {"postgresql", "kafka", "bench_runner"}) {
            machineCpu.put("gateway_run_" + who, Stats.round(median(gateways, g -> g.path("clean")
                    .path("other_cpu_ms_per_1000_deliveries").path(who).asDouble(Double.NaN)), 1));
            machineCpu.put("ceiling_run_" + who, Stats.round(median(ceilings, c -> c
                    .path("other_cpu_ms_per_1000_deliveries").path(who).asDouble(Double.NaN)), 1));
        }
        double rss = median(gateways, g -> g.path("peak_rss_mib").asDouble(Double.NaN));
        double rssMax = gateways.stream().mapToDouble(g -> g.path("peak_rss_mib").asDouble(0)).max().orElse(Double.NaN);
        figures.put("peak_rss_mib", rss);
        figures.put("peak_rss_mib_max", rssMax);
        figures.put("time_to_ready_ms", Stats.round(median(list(runs.path("time_to_ready_ms")), JsonNode::asDouble), 0));
        for (String f : new String[] {"accepted_per_s", "latency_p50_ms", "latency_p99_ms"}) {
            figures.put("inbound_" + f, Stats.round(median(gateways, g -> g.path("inbound").path(f).asDouble(Double.NaN)), 2));
        }
        ObjectNode isolation = isolationFigures(figures, gateways);
        scalingFigures(figures, list(runs.path("two_instances")), gatewayRate);
        sweepFigures(json, figures, list(runs.path("subscriptions")));
        retentionFigures(figures, gateways);
        PullReport.figures(figures, gateways);
        ArrayNode targets = result.putArray("targets");
        target(targets, "Hookgate deliveries/s as a fraction of the ceiling", ">= 0.5", fraction, fraction >= 0.5);
        double p99 = figures.path("latency_p99_ms").asDouble(Double.NaN);
        target(targets, "end-to-end p99 at half load (ms)", "< 100", p99, p99 < 100);
        double isoRatio = isolation.path("healthy_throughput_ratio").asDouble(Double.NaN);
        target(targets, "isolation: healthy throughput vs clean", ">= 0.9", isoRatio, isoRatio >= 0.9);
        double isoP99 = isolation.path("healthy_p99_ms").asDouble(Double.NaN);
        double isoLimit = isolation.path("p99_limit_ms").asDouble(Double.NaN);
        target(targets, "isolation: healthy p99 (ms) vs 1.2 x clean + 50", "<= " + Stats.round(isoLimit, 1),
                isoP99, isoP99 <= isoLimit);
        target(targets, "peak RSS (MiB)", "<= 400", rssMax, rssMax <= 400);
        DrainReport.figures(figures, targets, runs);
        boolean correct = checks(json, result, runs, options);
        print(result, options);
        return correct;
    }

    /** The first run's retention phase: intake latency alone and during the purge, and the purge itself. */
    private static void retentionFigures(ObjectNode figures, List<JsonNode> gateways) {
        gateways.stream().map(g -> g.path("retention")).filter(JsonNode::isObject).findFirst().ifPresent(r -> {
            ObjectNode node = figures.putObject("retention");
            node.put("rows", r.path("rows").asLong());
            node.put("purge_ms", r.path("purge_ms").asLong());
            node.put("deleted_rows_per_s", r.path("deleted_rows_per_s").asDouble());
            node.put("batch_max_ms", r.path("batch_max_ms").asDouble());
            for (String phase : new String[] {"baseline", "during_purge"}) {
                for (String p : new String[] {"p50", "p99", "max"}) {
                    node.put(phase + "_" + p + "_ms", r.path(phase).path("latency_" + p + "_ms").asDouble());
                }
            }
        });
    }

    private static ObjectNode isolationFigures(ObjectNode figures, List<JsonNode> gateways) {
        ObjectNode node = figures.putObject("isolation");
        List<JsonNode> runs = gateways.stream().map(g -> g.path("isolation")).filter(JsonNode::isObject).toList();
        List<Double> ratios = new ArrayList<>();
        List<Double> limits = new ArrayList<>();
        for (JsonNode run : runs) {
            ratios.add(run.path("throughput").path("deliveries_per_s").asDouble(Double.NaN)
                    / run.path("clean_healthy_deliveries_per_s").asDouble(Double.NaN));
            limits.add(1.2 * run.path("clean_healthy_p99_ms").asDouble(Double.NaN) + 50);
        }
        node.put("healthy_deliveries_per_s", Stats.round(median(runs,
                r -> r.path("throughput").path("deliveries_per_s").asDouble(Double.NaN)), 0));
        node.put("clean_healthy_deliveries_per_s", Stats.round(median(runs,
                r -> r.path("clean_healthy_deliveries_per_s").asDouble(Double.NaN)), 0));
        node.put("healthy_throughput_ratio", Stats.round(Stats.median(ratios), 3));
        node.put("healthy_p99_ms", Stats.round(median(runs,
                r -> r.path("latency").path("latency_p99_ms").asDouble(Double.NaN)), 1));
        node.put("clean_healthy_p99_ms", Stats.round(median(runs,
                r -> r.path("clean_healthy_p99_ms").asDouble(Double.NaN)), 1));
        node.put("p99_limit_ms", Stats.round(Stats.median(limits), 1));
        return node;
    }

    private static void scalingFigures(ObjectNode figures, List<JsonNode> runs, double oneInstanceRate) {
        if (runs.isEmpty()) {
            return;
        }
        ObjectNode node = figures.putObject("two_instances");
        double rate = median(runs, r -> r.path("clean").path("deliveries_per_s").asDouble(Double.NaN));
        node.put("deliveries_per_s", Stats.round(rate, 0));
        node.put("ratio_to_one_instance", Stats.round(rate / oneInstanceRate, 3));
        node.put("cpu_ms_per_1000_deliveries", Stats.round(median(runs,
                r -> r.path("clean").path("cpu_ms_per_1000_deliveries").asDouble(Double.NaN)), 1));
        node.put("smaller_instance_share", Stats.round(median(runs, r -> {
            double a = r.path("delivered_per_instance").path(0).asDouble(Double.NaN);
            double b = r.path("delivered_per_instance").path(1).asDouble(Double.NaN);
            return Math.min(a, b) / (a + b);
        }), 3));
    }

    private static void sweepFigures(ObjectMapper json, ObjectNode figures, List<JsonNode> levels) {
        if (levels.isEmpty()) {
            return;
        }
        ArrayNode node = figures.putArray("subscriptions");
        for (JsonNode level : levels) {
            ObjectNode row = node.addObject();
            row.put("subscriptions", level.path("subscriptions").asInt());
            List<JsonNode> runs = list(level.path("runs"));
            row.put("deliveries_per_s", Stats.round(median(runs, r -> r.path("deliveries_per_s").asDouble(Double.NaN)), 0));
            row.put("cpu_ms_per_1000_deliveries", Stats.round(median(runs,
                    r -> r.path("cpu_ms_per_1000_deliveries").asDouble(Double.NaN)), 1));
            row.put("created_per_s", level.path("created_per_s").asDouble(Double.NaN));
            row.put("rss_mib", level.path("rss_mib").asInt());
        }
    }

    private static boolean checks(ObjectMapper json, ObjectNode result, JsonNode runs, BenchOptions options) {
        long[] sums = new long[5]; // lost, duplicates, unexpected, checked, invalid
        for (JsonNode phase : phases(runs)) {
            sums[0] += phase.path("lost").asLong();
            sums[1] += phase.path("duplicates").asLong();
            sums[2] += phase.path("unexpected").asLong();
            sums[3] += phase.path("signatures_checked").asLong();
            sums[4] += phase.path("signatures_invalid").asLong();
        }
        ObjectNode node = result.putObject("checks");
        node.put("lost_deliveries", sums[0]);
        node.put("duplicate_deliveries", sums[1]);
        node.put("misrouted_deliveries", sums[2]);
        node.put("signatures_checked", sums[3]);
        node.put("signatures_invalid", sums[4]);
        boolean ok = sums[0] == 0 && sums[2] == 0 && sums[4] == 0 && sums[3] > 0;
        node.put("passed", ok);
        return ok;
    }

    /** Every phase whose deliveries are checked for loss (the ceiling is not: it is not durable). */
    private static List<JsonNode> phases(JsonNode runs) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode gateway : runs.path("gateway")) {
            for (String name : CHECKED_PHASES) {
                if (gateway.path(name).isObject()) {
                    out.add(gateway.path(name));
                }
            }
            for (String name : new String[] {"baseline", "during_purge"}) {
                if (gateway.path("retention").path(name).isObject()) {
                    out.add(gateway.path("retention").path(name));
                }
            }
            out.addAll(PullReport.checkedPhases(gateway));
            for (String name : CHECKED_PHASES) {
                if (gateway.path("isolation").path(name).isObject()) {
                    out.add(gateway.path("isolation").path(name));
                }
            }
        }
        for (JsonNode two : runs.path("two_instances")) {
            out.add(two.path("clean"));
            if (two.path("warmup").isObject()) {
                out.add(two.path("warmup"));
            }
        }
        for (JsonNode level : runs.path("subscriptions")) {
            level.path("runs").forEach(out::add);
        }
        out.addAll(DrainReport.checkedPhases(runs));
        return out;
    }

    /** One row of result.json's targets: a figure, its goal, what was measured and whether it met the goal. */
    static void target(ArrayNode targets, String name, String target, double measured, boolean met) {
        ObjectNode row = targets.addObject();
        row.put("figure", name);
        row.put("target", target);
        row.put("measured", Stats.round(measured, 3));
        row.put("met", !Double.isNaN(measured) && met);
    }

    private static void print(ObjectNode result, BenchOptions options) {
        JsonNode f = result.path("figures");
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nHookgate benchmark (%s, %d run(s), %d events = %d deliveries per run)%n",
                options.mode, options.runs, options.events, (long) options.events * Workload.FAN_OUT));
        if (!options.drainOnly) {
            mainRows(out, f);
        }
        DrainReport.print(out, f);
        JsonNode checks = result.path("checks");
        out.append(String.format("checks: lost=%d duplicates=%d misrouted=%d signatures checked=%d invalid=%d -> %s%n",
                checks.path("lost_deliveries").asLong(), checks.path("duplicate_deliveries").asLong(),
                checks.path("misrouted_deliveries").asLong(), checks.path("signatures_checked").asLong(),
                checks.path("signatures_invalid").asLong(), checks.path("passed").asBoolean() ? "PASS" : "FAIL"));
        System.out.print(out);
    }

    private static void mainRows(StringBuilder out, JsonNode f) {
        row(out, "ceiling deliveries/s", f.path("ceiling_deliveries_per_s"), "");
        row(out, "Hookgate deliveries/s", f.path("gateway_deliveries_per_s"), "");
        row(out, "fraction of ceiling", f.path("fraction_of_ceiling"), ">= 0.5");
        row(out, "paced load (events/s)", f.path("paced_events_per_s"), "half the sustained deliveries");
        row(out, "latency p50 (ms)", f.path("latency_p50_ms"), "");
        row(out, "latency p95 (ms)", f.path("latency_p95_ms"), "");
        row(out, "latency p99 (ms)", f.path("latency_p99_ms"), "< 100");
        row(out, "light load latency p50 / p99 (ms)", f.path("light_latency_p50_ms"), "p99 "
                + f.path("light_latency_p99_ms").asText() + " at " + f.path("light_events_per_s").asText()
                + " events/s");
        row(out, "ceiling latency p50 / p99 (ms)", f.path("ceiling_latency_p50_ms"),
                "p99 " + f.path("ceiling_latency_p99_ms").asText() + " (same paced load: the machine's floor)");
        row(out, "CPU ms / 1000 deliveries", f.path("cpu_ms_per_1000_deliveries"), "");
        row(out, "ceiling CPU ms / 1000", f.path("ceiling_cpu_ms_per_1000_deliveries"), "");
        JsonNode m = f.path("machine_cpu_ms_per_1000_deliveries");
        row(out, "PostgreSQL CPU ms / 1000", m.path("gateway_run_postgresql"), "during the gateway's clean phase");
        row(out, "Kafka CPU ms / 1000 (gw / ceiling)", m.path("gateway_run_kafka"),
                "ceiling run: " + m.path("ceiling_run_kafka").asText());
        row(out, "receivers+producer ms / 1000", m.path("gateway_run_bench_runner"),
                "ceiling run: " + m.path("ceiling_run_bench_runner").asText());
        row(out, "peak RSS MiB (max)", f.path("peak_rss_mib_max"), "<= 400");
        row(out, "time to ready (ms)", f.path("time_to_ready_ms"), "");
        row(out, "inbound accepted/s, p50 / p99 (ms)", f.path("inbound_accepted_per_s"), "p50 "
                + f.path("inbound_latency_p50_ms").asText() + ", p99 " + f.path("inbound_latency_p99_ms").asText()
                + " to 202, paced at half the accepted rate");
        JsonNode iso = f.path("isolation");
        row(out, "isolation healthy deliveries/s", iso.path("healthy_deliveries_per_s"),
                "clean: " + iso.path("clean_healthy_deliveries_per_s").asText());
        row(out, "isolation throughput ratio", iso.path("healthy_throughput_ratio"), ">= 0.9");
        row(out, "isolation healthy p99 (ms)", iso.path("healthy_p99_ms"),
                "<= " + iso.path("p99_limit_ms").asText() + " (clean " + iso.path("clean_healthy_p99_ms").asText() + ")");
        JsonNode two = f.path("two_instances");
        if (two.isObject()) {
            row(out, "2 instances deliveries/s", two.path("deliveries_per_s"),
                    "x" + two.path("ratio_to_one_instance").asText() + " of one; smaller share "
                            + two.path("smaller_instance_share").asText());
            row(out, "2 instances CPU ms / 1000", two.path("cpu_ms_per_1000_deliveries"), "");
        }
        for (JsonNode level : f.path("subscriptions")) {
            row(out, level.path("subscriptions").asText() + " subscriptions: deliveries/s",
                    level.path("deliveries_per_s"), "CPU ms/1000 " + level.path("cpu_ms_per_1000_deliveries").asText()
                            + ", created/s " + level.path("created_per_s").asText());
        }
        JsonNode ret = f.path("retention");
        if (ret.isObject()) {
            row(out, "retention: latency p99 / max (ms)", ret.path("during_purge_p99_ms"), "max "
                    + ret.path("during_purge_max_ms").asText() + " while purging " + ret.path("rows").asText()
                    + " rows in " + ret.path("purge_ms").asText() + " ms; alone p99 " + ret.path("baseline_p99_ms")
                    .asText() + ", max " + ret.path("baseline_max_ms").asText());
        }
        PullReport.print(out, f);
    }

    private static void row(StringBuilder out, String name, JsonNode value, String target) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        out.append(String.format("  %-36s %12s   %s%n", name, value.asText(), target));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static double median(List<JsonNode> nodes, Function<JsonNode, Double> value) {
        return Stats.median(nodes.stream().map(value).toList());
    }

    private static long memoryGib() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}

package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The backlog drain's figures (medians over runs) in result.json and in the printed table. */
final class DrainReport {

    private DrainReport() {
    }

    /** Medians of the drain runs; the fraction is the median of each run's gateway / ceiling. */
    static void figures(ObjectNode figures, ArrayNode targets, JsonNode runs) {
        List<JsonNode> drains = new ArrayList<>();
        runs.path("drain").forEach(drains::add);
        if (drains.isEmpty()) {
            return;
        }
        ObjectNode node = figures.putObject("drain");
        node.put("records", drains.get(0).path("gateway").path("drain").path("events").asLong());
        put(node, drains, "gateway_deliveries_per_s", d -> rate(d, "gateway"), 0);
        put(node, drains, "ceiling_deliveries_per_s", d -> rate(d, "ceiling"), 0);
        put(node, drains, "fraction_of_ceiling", d -> rate(d, "gateway") / rate(d, "ceiling"), 3);
        put(node, drains, "gateway_duration_from_start_ms",
                d -> d.path("gateway").path("drain").path("duration_from_start_ms").asDouble(Double.NaN), 0);
        put(node, drains, "ceiling_duration_from_start_ms",
                d -> d.path("ceiling").path("drain").path("duration_from_start_ms").asDouble(Double.NaN), 0);
        put(node, drains, "gateway_cpu_ms_per_1000_deliveries", d -> cpu(d, "gateway", null), 1);
        put(node, drains, "postgresql_cpu_ms_per_1000_deliveries", d -> cpu(d, "gateway", "postgresql"), 1);
        put(node, drains, "kafka_cpu_ms_per_1000_deliveries", d -> cpu(d, "gateway", "kafka"), 1);
        put(node, drains, "ceiling_cpu_ms_per_1000_deliveries", d -> cpu(d, "ceiling", null), 1);
        put(node, drains, "gateway_peak_rss_mib",
                d -> d.path("gateway").path("drain").path("peak_rss_mib").asDouble(Double.NaN), 0);
        double rssMax = drains.stream().mapToDouble(d -> d.path("gateway").path("drain").path("peak_rss_mib")
                .asDouble(0)).max().orElse(Double.NaN);
        node.put("gateway_peak_rss_mib_max", rssMax);
        put(node, drains, "ceiling_peak_rss_mib",
                d -> d.path("ceiling").path("drain").path("peak_rss_mib").asDouble(Double.NaN), 0);
        double fraction = node.path("fraction_of_ceiling").asDouble(Double.NaN);
        Report.target(targets, "backlog drain: Hookgate as a fraction of the ceiling", ">= 0.5", fraction, fraction >= 0.5);
        Report.target(targets, "backlog drain: gateway peak RSS (MiB)", "<= 400", rssMax, rssMax <= 400);
    }

    /** The gateway's check and drain phases, counted in the run's loss and signature checks. */
    static List<JsonNode> checkedPhases(JsonNode runs) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode drain : runs.path("drain")) {
            for (String name : new String[] {"check", "drain"}) {
                if (drain.path("gateway").path(name).isObject()) {
                    out.add(drain.path("gateway").path(name));
                }
            }
        }
        return out;
    }

    static void print(StringBuilder out, JsonNode f) {
        JsonNode d = f.path("drain");
        if (!d.isObject()) {
            return;
        }
        line(out, "drain: Hookgate deliveries/s", d.path("gateway_deliveries_per_s"), d.path("records").asText()
                + " records, fan-out 1, one URL; " + d.path("gateway_duration_from_start_ms").asText()
                + " ms from process start");
        line(out, "drain: ceiling deliveries/s", d.path("ceiling_deliveries_per_s"),
                d.path("ceiling_duration_from_start_ms").asText() + " ms from process start");
        line(out, "drain: fraction of ceiling", d.path("fraction_of_ceiling"), ">= 0.5");
        line(out, "drain: gateway peak RSS MiB (max)", d.path("gateway_peak_rss_mib_max"), "<= 400 (median "
                + d.path("gateway_peak_rss_mib").asText() + "; ceiling " + d.path("ceiling_peak_rss_mib").asText() + ")");
        line(out, "drain: gateway / PG CPU ms / 1000", d.path("gateway_cpu_ms_per_1000_deliveries"), "PostgreSQL "
                + d.path("postgresql_cpu_ms_per_1000_deliveries").asText() + ", Kafka "
                + d.path("kafka_cpu_ms_per_1000_deliveries").asText() + ", ceiling "
                + d.path("ceiling_cpu_ms_per_1000_deliveries").asText() + " (10-90 % of the backlog)");
    }

    private static double rate(JsonNode drain, String who) {
        return drain.path(who).path("drain").path("deliveries_per_s").asDouble(Double.NaN);
    }

    private static double cpu(JsonNode drain, String who, String other) {
        JsonNode phase = drain.path(who).path("drain");
        return other == null ? phase.path("cpu_ms_per_1000_deliveries").asDouble(Double.NaN)
                : phase.path("other_cpu_ms_per_1000_deliveries").path(other).asDouble(Double.NaN);
    }

    private static void put(ObjectNode node, List<JsonNode> drains, String key,
            Function<JsonNode, Double> value, int decimals) {
        node.put(key, Stats.round(Stats.median(drains.stream().map(value).toList()), decimals));
    }

    private static void line(StringBuilder out, String name, JsonNode value, String note) {
        if (!value.isMissingNode() && !value.isNull()) {
            out.append(String.format("  %-36s %12s   %s%n", name, value.asText(), note));
        }
    }
}

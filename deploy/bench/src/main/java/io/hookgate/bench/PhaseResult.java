package io.hookgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What one measured phase produced; latencies in milliseconds, NaN where not measured. */
public record PhaseResult(String name, int events, long expected, long delivered, long duplicates,
        long unexpected, long signaturesChecked, long signaturesInvalid, double deliveriesPerSecond,
        long durationMillis, long cpuMillis, double p50, double p95, double p99, double max,
        Map<String, Long> otherCpuMillis) {

    public long lost() {
        return expected - delivered;
    }

    /** Process CPU per 1,000 delivered deliveries; NaN if nothing was delivered or CPU unknown. */
    public double cpuMillisPer1000() {
        return delivered == 0 || cpuMillis < 0 ? Double.NaN : cpuMillis * 1000.0 / delivered;
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("phase", name);
        node.put("events", events);
        node.put("expected_deliveries", expected);
        node.put("delivered", delivered);
        node.put("lost", lost());
        node.put("duplicates", duplicates);
        node.put("unexpected", unexpected);
        node.put("signatures_checked", signaturesChecked);
        node.put("signatures_invalid", signaturesInvalid);
        node.put("deliveries_per_s", Stats.round(deliveriesPerSecond, 1));
        node.put("duration_ms", durationMillis);
        node.put("cpu_ms", cpuMillis);
        node.put("cpu_ms_per_1000_deliveries", Stats.round(cpuMillisPer1000(), 1));
        node.put("latency_p50_ms", Stats.round(p50, 2));
        node.put("latency_p95_ms", Stats.round(p95, 2));
        node.put("latency_p99_ms", Stats.round(p99, 2));
        node.put("latency_max_ms", Stats.round(max, 2));
        ObjectNode others = node.putObject("other_cpu_ms_per_1000_deliveries");
        otherCpuMillis.forEach((name, millis) -> others.put(name,
                delivered == 0 ? Double.NaN : Stats.round(millis * 1000.0 / delivered, 1)));
        return node;
    }
}

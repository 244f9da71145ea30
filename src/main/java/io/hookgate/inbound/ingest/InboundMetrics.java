package io.hookgate.inbound.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code hookgate_inbound_requests_total{type,result}}: every ingest request, counted once by its outcome. */
@ApplicationScoped
public class InboundMetrics {

    /** The {@code type} label of a request whose source is unknown. */
    public static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public InboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one request; both labels come from closed sets (source types, outcome and reject labels). */
    public void count(String type, String result) {
        counters.computeIfAbsent(type + '\n' + result, k -> Counter.builder("hookgate.inbound.requests")
                .description("Requests to the inbound ingest endpoint by source type and result")
                .tag("type", type).tag("result", result).register(registry)).increment();
    }
}

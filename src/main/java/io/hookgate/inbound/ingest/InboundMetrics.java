package io.hookgate.inbound.ingest;

import io.hookgate.inbound.SourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code hookgate_inbound_requests_total{type,result}}: every ingest request, counted once by its outcome. */
@ApplicationScoped
@Startup
public class InboundMetrics {

    /** The {@code type} label of a request whose source is unknown. */
    public static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public InboundMetrics(MeterRegistry registry) {
        this.registry = registry;
        // the name exists from the start (built at startup), so a dashboard or absent() alert sees it before traffic
        for (SourceType type : SourceType.values()) {
            counter(type.wire(), IngestOutcome.ACCEPTED.label());
        }
    }

    /** Counts one request; both labels come from closed sets (source types, outcome and reject labels). */
    public void count(String type, String result) {
        counter(type, result).increment();
    }

    private Counter counter(String type, String result) {
        return counters.computeIfAbsent(type + '\n' + result, k -> Counter.builder("hookgate.inbound.requests")
                .description("Requests to the inbound ingest endpoint by source type and result")
                .tag("type", type).tag("result", result).register(registry));
    }
}

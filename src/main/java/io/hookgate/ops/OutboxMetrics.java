package io.hookgate.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * hookgate_outbox_parked{kind} (the alert: rows that will never go out by themselves), hookgate_outbox_pending{kind}
 * and hookgate_outbox_oldest_pending_seconds{kind} (refreshed every 15 s from the table, so every replica reports the
 * same), and this replica's hookgate_outbox_published_total and hookgate_outbox_send_failures_total{kind,cause}.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final long REFRESH_MS = 15_000;
    private static final List<String> KINDS = List.of(OutboxRow.DEAD_LETTER, OutboxRow.OPERATION);
    private static final String RECORD = "record";
    private static final String OUTAGE = "outage";
    private static final List<String> CAUSES = List.of(RECORD, OUTAGE);

    private final MeterRegistry registry;
    private final OutboxRepository repository;
    private final Vertx vertx;
    private final AtomicReference<Map<String, OutboxRepository.Stats>> stats = new AtomicReference<>(Map.of());
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry, OutboxRepository repository, Vertx vertx) {
        this.registry = registry;
        this.repository = repository;
        this.vertx = vertx;
        for (String kind : KINDS) {
            Gauge.builder("hookgate.outbox.parked", () -> stat(kind).parked()).tag("kind", kind)
                    .description("Outbox rows parked: they will not be published until an operator requeues them")
                    .register(registry);
            Gauge.builder("hookgate.outbox.pending", () -> stat(kind).pending()).tag("kind", kind)
                    .description("Outbox rows waiting to be published").register(registry);
            Gauge.builder("hookgate.outbox.oldest.pending", () -> stat(kind).oldestPendingSeconds()).tag("kind", kind)
                    .baseUnit("seconds").description("Age of the oldest outbox row waiting to be published")
                    .register(registry);
            // at 0 from the start: an alert or dashboard cannot tell a counter that never moved from a missing one
            counter("hookgate.outbox.published", kind, null);
            for (String cause : CAUSES) {
                counter("hookgate.outbox.send.failures", kind, cause);
            }
        }
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(500, REFRESH_MS, id -> refresh());
    }

    /** Reads the table now; the gauges show the result. */
    public void refresh() {
        repository.stats().subscribe().with(list -> stats.set(list.stream()
                .collect(Collectors.toMap(OutboxRepository.Stats::kind, s -> s))), e -> { });
    }

    void published(String kind) {
        counter("hookgate.outbox.published", kind, null).increment();
    }

    void failed(String kind, boolean recordProblem, boolean parked) {
        counter("hookgate.outbox.send.failures", kind, recordProblem ? RECORD : OUTAGE).increment();
        if (parked) {
            refresh();
        }
    }

    private OutboxRepository.Stats stat(String kind) {
        return stats.get().getOrDefault(kind, new OutboxRepository.Stats(kind, 0, 0, 0));
    }

    private Counter counter(String name, String kind, String cause) {
        return counters.computeIfAbsent(name + kind + cause, k -> {
            Counter.Builder b = Counter.builder(name).tag("kind", kind);
            return (cause == null ? b : b.tag("cause", cause)).register(registry);
        });
    }
}

package io.hookgate.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;

/** hookgate_deliveries_pending (refreshed every 10 s, one indexed count) and hookgate_endpoints_circuit_open. */
@ApplicationScoped
public class Gauges {

    private static final long REFRESH_MS = 10_000;

    private final Pool pool;
    private final Vertx vertx;
    private final AtomicLong pending = new AtomicLong();

    public Gauges(MeterRegistry registry, Pool pool, Vertx vertx, EndpointBreakers breakers) {
        this.pool = pool;
        this.vertx = vertx;
        Gauge.builder("hookgate.deliveries.pending", pending, AtomicLong::get)
                .description("Deliveries waiting for an attempt").register(registry);
        Gauge.builder("hookgate.endpoints.circuit.open", breakers, EndpointBreakers::openCount)
                .description("Endpoints whose circuit breaker is open").register(registry);
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(100, REFRESH_MS, id -> refresh());
    }

    private void refresh() {
        pool.query("SELECT count(*) AS n FROM deliveries WHERE status = 'pending'").execute()
                .subscribe().with(rows -> pending.set(rows.iterator().next().getLong("n")), e -> { });
    }
}

package io.hookgate.pull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A bulkhead between pull reads and the push path, which share one database pool: at most
 * {@code hookgate.pull.max-concurrent-statements} pull statements run at once, the rest wait here, in memory, not in
 * the pool's queue in front of the push path's statements; tenants take turns ({@link Slots}), so one tenant's burst
 * of re-polls does not hold another's reads back. 10,000 long-polls re-polling together had queued thousands of
 * reads there and held push deliveries back by seconds (docs/BENCHMARKS.md, "A re-poll cycle of 10,000
 * long-polls"). Eager ({@link Startup}) so that a bad limit stops the start, not the first
 * pull call.
 */
@Startup
@ApplicationScoped
public class PullStatementGate {

    private final Slots slots;

    @Inject
    public PullStatementGate(PullConfig config, MeterRegistry registry) {
        this(config.maxConcurrentStatements());
        Gauge.builder("hookgate.pull.statements.queued", slots, Slots::waiting)
                .description("Pull statements waiting for one of hookgate.pull.max-concurrent-statements").register(registry);
    }

    public PullStatementGate(int limit) {
        if (limit < 1) {
            throw new IllegalStateException("hookgate.pull.max-concurrent-statements must be at least 1, was " + limit);
        }
        this.slots = new Slots(limit);
    }

    /**
     * Runs the statement when a slot is free and it is {@code tenant}'s turn. A queued statement starts on the Vert.x
     * context it was asked from, so its answer arrives where an unqueued one would; one cancelled while queued never
     * starts.
     */
    public <T> Uni<T> run(Object tenant, Supplier<Uni<T>> statement) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            emitter.onTermination(() -> cancelled.set(true));
            Runnable start = () -> {
                if (cancelled.get()) {
                    release();
                    return;
                }
                Uni<T> uni;
                try {
                    uni = statement.get();
                } catch (RuntimeException e) {
                    release();
                    emitter.fail(e);
                    return;
                }
                uni.subscribe().with(item -> {
                    release();
                    emitter.complete(item);
                }, failure -> {
                    release();
                    emitter.fail(failure);
                });
            };
            Context context = Vertx.currentContext();
            if (slots.enter(tenant, context == null ? start : () -> context.runOnContext(v -> start.run()))) {
                start.run();
            }
        });
    }

    /** Pull statements running now. */
    public int running() {
        return slots.held();
    }

    /** Pull statements waiting for a slot. */
    public int queued() {
        return slots.waiting();
    }

    private void release() {
        Runnable next = slots.release();
        if (next != null) {
            next.run();
        }
    }
}

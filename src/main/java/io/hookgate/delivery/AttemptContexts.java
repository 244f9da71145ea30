package io.hookgate.delivery;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Vert.x context per event loop, endpoints assigned round-robin. Without it every attempt ran on
 * the context that started it (the Kafka consumer's or the dispatcher's), so one event loop did all
 * rendering, signing and HTTP work while the other cores idled (benchmark: 401 of 423 samples).
 */
@ApplicationScoped
public class AttemptContexts {

    /** Past this many endpoints the assignment starts over; a reassignment only moves future attempts. */
    static final int MAX_ENDPOINTS = 100_000;
    private static final int MAX_PROBES = 256;

    private final List<Context> contexts;
    private final Map<String, Context> byEndpoint = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    public AttemptContexts(Vertx vertx) {
        this.contexts = oneContextPerEventLoop((VertxInternal) vertx);
    }

    /** The context this endpoint's attempts run on; the same one every time, so its connections stay local. */
    public Context forEndpoint(String endpoint) {
        if (byEndpoint.size() >= MAX_ENDPOINTS) {
            byEndpoint.clear();
        }
        return byEndpoint.computeIfAbsent(endpoint,
                e -> contexts.get(Math.floorMod(next.getAndIncrement(), contexts.size())));
    }

    int size() {
        return contexts.size();
    }

    /** New event-loop contexts take the group's loops in turn; stop at the first loop seen twice. */
    private static List<Context> oneContextPerEventLoop(VertxInternal vertx) {
        List<Context> found = new ArrayList<>();
        Set<Object> loops = new HashSet<>();
        for (int i = 0; i < MAX_PROBES; i++) {
            ContextInternal context = vertx.createEventLoopContext();
            if (!loops.add(context.nettyEventLoop())) {
                break;
            }
            found.add(context);
        }
        return List.copyOf(found);
    }
}

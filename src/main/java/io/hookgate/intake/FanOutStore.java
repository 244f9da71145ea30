package io.hookgate.intake;

import io.hookgate.delivery.DeliveryStore;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewDelivery;
import io.hookgate.delivery.NewEvent;
import io.hookgate.delivery.NewPullMessage;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hands a batch's events and deliveries to delivery's one enqueue statement ({@link DeliveryStore}), waiting out
 * PostgreSQL outages: idempotent, so re-consuming a record after a rebalance or crash inserts nothing new.
 */
@ApplicationScoped
public class FanOutStore {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DeliveryStore deliveries;
    private final Patience outages;

    public FanOutStore(DeliveryStore deliveries) {
        this.deliveries = deliveries;
        this.outages = Patience.untilItWorks("intake store", FIRST_BACKOFF, MAX_BACKOFF, StoreRejectedException.class,
                e -> Log.warnf("intake is waiting for PostgreSQL: %s", e.toString()));
    }

    /**
     * Stores the batch if {@code indexVersion} is still current. Transient failures are retried until PostgreSQL
     * answers; a data or integrity error fails with {@link StoreRejectedException} (see {@link StoreErrors}).
     */
    public Uni<DeliveryStore.Enqueued> store(long indexVersion, List<NewEvent> events, List<NewDelivery> deliveries,
            Handoff handoff) {
        return store(indexVersion, events, deliveries, List.of(), handoff);
    }

    /** Also stores the batch's pull messages, in the same statement. */
    public Uni<DeliveryStore.Enqueued> store(long indexVersion, List<NewEvent> events, List<NewDelivery> deliveries,
            List<NewPullMessage> pulls, Handoff handoff) {
        return retrying(() -> this.deliveries.enqueue(indexVersion, events, deliveries, pulls, handoff));
    }

    /**
     * Retries a database step while its failures are transient: a PostgreSQL outage must delay intake, never
     * dead-letter valid events or stop the consumer. Offsets stay uncommitted meanwhile. A failure caused by the
     * data of a record ends the retries as {@link StoreRejectedException}: retrying it would stall the partition.
     */
    public <T> Uni<T> retrying(Supplier<Uni<T>> step) {
        return outages.run(() -> Uni.createFrom().deferred(step::get)
                .onFailure(e -> StoreErrors.classify(e) == StoreErrors.Kind.REJECTED)
                .transform(StoreRejectedException::new));
    }
}

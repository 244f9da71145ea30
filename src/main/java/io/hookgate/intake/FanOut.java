package io.hookgate.intake;

import io.hookgate.delivery.ClaimedDelivery;
import io.hookgate.delivery.Dispatcher;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewDelivery;
import io.hookgate.delivery.NewEvent;
import io.hookgate.delivery.NewPullMessage;
import io.hookgate.event.ChatEvent;
import io.hookgate.event.ChatEventParser;
import io.hookgate.event.ParseResult;
import io.hookgate.pull.wake.Wakeups;
import io.hookgate.subscription.index.IndexSnapshot;
import io.hookgate.subscription.index.IndexedSubscription;
import io.hookgate.subscription.index.SubscriberIndex;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a batch of chat records into delivery rows: parse, match against the in-memory index, store
 * (idempotently) and dead-letter poison records. Completes only when all of that is durable.
 */
@ApplicationScoped
public class FanOut {

    /** Reason code on chat.events.dlq of a record whose data PostgreSQL rejected. */
    public static final String STORE_REJECTED = "store_rejected";

    private final ChatEventParser parser;
    private final SubscriberIndex index;
    private final FanOutStore store;
    private final PoisonPublisher poison;
    private final IntakeMetrics metrics;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Wakeups wakeups;
    private final PullOrder pullOrder = new PullOrder();

    public FanOut(ChatEventParser parser, SubscriberIndex index, FanOutStore store, PoisonPublisher poison,
            IntakeMetrics metrics, Dispatcher dispatcher, Clock clock, Wakeups wakeups) {
        this.wakeups = wakeups;
        this.parser = parser;
        this.index = index;
        this.store = store;
        this.poison = poison;
        this.metrics = metrics;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Uni<Void> process(List<KafkaRecord<byte[], byte[]>> records) {
        Instant began = clock.instant();
        Object unstored = metrics.unstored(began);
        PullOrder.Ticket ticket = pullOrder.next();
        // the next pull-carrying batch waits for this one's stores only, never for its dead letters
        return storeIsolating(records, ticket).onTermination().invoke(ticket::done).chain(outcome -> {
            Instant now = clock.instant();
            metrics.batch(records.size(), Duration.between(began, now));
            metrics.stored(records.stream().map(KafkaRecord::getTimestamp).toList(), now);
            return poison.publish(outcome.poison()).invoke(() -> outcome.countInto(metrics));
        }).onTermination().invoke(() -> {
            metrics.storedOrGone(unstored);
            ticket.done();
        });
    }

    /**
     * Stores the records. When PostgreSQL rejects the batch for some record's data, the batch is halved until that
     * record is alone, which is then dead-lettered: one bad record among n costs O(log n) statements.
     */
    private Uni<Outcome> storeIsolating(List<KafkaRecord<byte[], byte[]>> records, PullOrder.Ticket ticket) {
        return Bisection.isolate(records, part -> attempt(part, index.snapshot(), ticket), StoreRejectedException.class::isInstance,
                (record, e) -> Outcome.rejected(record, e.getMessage()), Outcome::plus);
    }

    /** Matches with the index in memory; the store itself checks that the index is still current. */
    private Uni<Outcome> attempt(List<KafkaRecord<byte[], byte[]>> records, IndexSnapshot snapshot,
            PullOrder.Ticket ticket) {
        Batch batch = classify(records, snapshot);
        return (batch.pulls.isEmpty() ? Uni.createFrom().voidItem() : ticket.turn())
                .chain(() -> store(records, snapshot, ticket, batch));
    }

    private Uni<Outcome> store(List<KafkaRecord<byte[], byte[]>> records, IndexSnapshot snapshot,
            PullOrder.Ticket ticket, Batch batch) {
        Handoff handoff = dispatcher.reserve(batch.deliveries.size());
        List<NewDelivery> rows = batch.deliveries.stream().map(d -> d.toNew(handoff)).toList();
        return store.store(snapshot.version(), batch.events, rows, batch.pulls, handoff)
                .onItemOrFailure().invoke((stored, failure) ->
                        dispatcher.handOff(handoff, stored == null ? List.of() : stored.leased()))
                .invoke(stored -> {
                    if (stored.indexVersion() == snapshot.version() && !batch.pulls.isEmpty()) {
                        wakeups.stored(batch.pullSubscriptions());
                    }
                })
                // a cancelled batch (rebalance, shutdown) must give its reserved lane room back too
                .onCancellation().invoke(() -> dispatcher.handOff(handoff, List.of()))
                .chain(stored -> stored.indexVersion() != snapshot.version()
                        ? store.retrying(index::reload).chain(fresh -> attempt(records, fresh, ticket))
                        : Uni.createFrom().item(batch.outcome));
    }

    private Batch classify(List<KafkaRecord<byte[], byte[]>> records, IndexSnapshot snapshot) {
        Batch batch = new Batch();
        for (KafkaRecord<byte[], byte[]> record : records) {
            ParseResult result = parser.parse(record.getPayload());
            if (result instanceof ParseResult.Invalid invalid) {
                batch.outcome.poison.add(new PoisonPublisher.Poison(record, invalid.reasonCode(), invalid.detail()));
            } else if (result instanceof ParseResult.Valid valid) {
                match(batch, valid.event(), record.getTimestamp(), snapshot);
            }
        }
        return batch;
    }

    private void match(Batch batch, ChatEvent event, Instant recordedAt, IndexSnapshot snapshot) {
        if (event.eventType().isEmpty()) {
            batch.outcome.skipped++;
            return;
        }
        String type = event.eventType().get().wireName();
        List<IndexedSubscription> targets = snapshot.match(event.channel(), type, recordedAt);
        batch.outcome.fannedOut++;
        if (targets.isEmpty()) {
            return;
        }
        batch.events.add(new NewEvent(event.id().value(), type, event.channel(),
                event.occurredAt(), event.timestamp(), event.rawJson()));
        ClaimedDelivery.Event stored = new ClaimedDelivery.Event(event.timestamp(), event.rawJson());
        int bytes = event.rawJson().getBytes(StandardCharsets.UTF_8).length;
        for (IndexedSubscription target : targets) {
            if (target.pull()) {
                batch.pulls.add(new NewPullMessage(event.id().value(), target.id(), type, bytes));
            } else {
                batch.deliveries.add(new Matched(event.id().value(), target, type, recordedAt, stored));
            }
        }
    }

    /** One (event, subscription) match, not yet stored. */
    private record Matched(String eventId, IndexedSubscription target, String type, Instant recordedAt,
            ClaimedDelivery.Event event) {

        NewDelivery toNew(Handoff handoff) {
            return new NewDelivery(eventId, target.id(), target.tenantId(), type, recordedAt, event,
                    handoff.take(target.id()));
        }
    }

    /** One classified (sub-)batch: what to store, and what it counts as once stored. */
    private static final class Batch {
        private final List<NewEvent> events = new ArrayList<>();
        private final List<Matched> deliveries = new ArrayList<>();
        private final List<NewPullMessage> pulls = new ArrayList<>();
        private final Outcome outcome = new Outcome();

        Set<UUID> pullSubscriptions() {
            Set<UUID> ids = new LinkedHashSet<>();
            pulls.forEach(p -> ids.add(p.subscriptionId()));
            return ids;
        }
    }

    /** What a stored (sub-)batch leaves to do: dead letters to publish and records to count. */
    private static final class Outcome {
        private final List<PoisonPublisher.Poison> poison = new ArrayList<>();
        private int fannedOut;
        private int skipped;

        static Outcome rejected(KafkaRecord<byte[], byte[]> record, String detail) {
            Outcome outcome = new Outcome();
            outcome.poison.add(new PoisonPublisher.Poison(record, STORE_REJECTED, detail));
            return outcome;
        }

        List<PoisonPublisher.Poison> poison() {
            return poison;
        }

        Outcome plus(Outcome other) {
            poison.addAll(other.poison);
            fannedOut += other.fannedOut;
            skipped += other.skipped;
            return this;
        }

        void countInto(IntakeMetrics metrics) {
            metrics.consumed(fannedOut, skipped, poison.size());
        }
    }
}

package io.hookgate.pull.api;

import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/** Where an open stream stands, and the subscription it signs with; only the one step in flight touches it. */
final class StreamPosition {

    private Optional<PullCursor> after;
    private SubscriptionRow subscription;
    private long loadedAt = System.nanoTime();

    StreamPosition(PullStream.Start start) {
        this.after = start.from();
        this.subscription = start.subscription();
    }

    Optional<PullCursor> after() {
        return after;
    }

    SubscriptionRow subscription() {
        return subscription;
    }

    void advance(Optional<PullCursor> next) {
        this.after = next;
    }

    /**
     * The subscription to sign with: as of at most two heartbeats ago, so a rotated secret signs soon and a deleted
     * subscription (empty) ends the stream; reloaded only before signing, so idle streams cost no query.
     */
    Uni<Optional<SubscriptionRow>> signer(boolean idle, Duration heartbeat, PullSubscriptions subscriptions) {
        if (idle || System.nanoTime() - loadedAt < heartbeat.multipliedBy(2).toNanos()) {
            return Uni.createFrom().item(Optional.of(subscription));
        }
        return subscriptions.current(subscription).invoke(found -> {
            found.ifPresent(row -> subscription = row);
            loadedAt = System.nanoTime();
        });
    }
}

package io.hookgate.pull;

import io.hookgate.pull.wake.Wakeups;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a page of a pull subscription, long-polling when asked: while nothing is visible it waits on
 * {@link Wakeups} (a pending Uni: no thread, no connection) and reads again. A wake-up whose rows are not visible
 * yet (an older transaction still holds the snapshot's xmin back) is re-checked after 20, 40, 80, 160 ms.
 */
@ApplicationScoped
public class PullReader {

    private static final Duration[] RECHECKS = {Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80),
        Duration.ofMillis(160)};

    private final PullStore store;
    private final PullRenderer renderer;
    private final Wakeups wakeups;
    private final PullMetrics metrics;

    public PullReader(PullStore store, PullRenderer renderer, Wakeups wakeups, PullMetrics metrics) {
        this.store = store;
        this.renderer = renderer;
        this.wakeups = wakeups;
        this.metrics = metrics;
    }

    /** What a read returns before rendering: the stored page and the position a client polls again with. */
    public record Read(PullStore.StoredPage page, Optional<PullCursor> next) {
    }

    /** A rendered page, for {@code GET …/messages}. */
    public Uni<PullPage> page(SubscriptionRow subscription, Optional<PullCursor> after, int limit, Duration wait,
            PullMetrics.Via via) {
        return read(subscription, after, limit, wait).map(read -> {
            List<PullMessage> data = renderer.render(subscription, read.page().messages());
            metrics.handedOut(via, data.size());
            return new PullPage(data, read.next().map(PullCursor::wire).orElse(null), read.page().refresh());
        });
    }

    /** Reads, waiting up to {@code wait} for a message when none is visible. */
    public Uni<Read> read(SubscriptionRow subscription, Optional<PullCursor> after, int limit, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        return attempt(subscription, after, limit, deadline, 0);
    }

    private Uni<Read> attempt(SubscriptionRow subscription, Optional<PullCursor> after, int limit, long deadline,
            int recheck) {
        return store.read(subscription.id(), after, limit).chain(page -> {
            long left = deadline - System.nanoTime();
            if (!page.messages().isEmpty() || page.refresh() || left <= 0) {
                return Uni.createFrom().item(new Read(page, next(after, page)));
            }
            Duration pause = recheck > 0 ? min(RECHECKS[recheck - 1], left) : Duration.ofNanos(left);
            long before = System.nanoTime();
            return wakeups.next(subscription.id(), pause).chain(() -> {
                boolean woken = System.nanoTime() - before < pause.toNanos() - 1_000_000;
                int nextCheck = woken ? 1 : recheck > 0 && recheck < RECHECKS.length ? recheck + 1 : 0;
                return attempt(subscription, after, limit, deadline, nextCheck);
            });
        });
    }

    /** SPEC 11: the last message's cursor, else the after given (or, after a refresh, where retention ended). */
    private static Optional<PullCursor> next(Optional<PullCursor> after, PullStore.StoredPage page) {
        List<PullStore.Stored> messages = page.messages();
        if (!messages.isEmpty()) {
            return Optional.of(messages.get(messages.size() - 1).cursor());
        }
        return page.refresh() ? Optional.of(page.from()) : after;
    }

    private static Duration min(Duration a, long nanos) {
        return a.toNanos() <= nanos ? a : Duration.ofNanos(nanos);
    }
}

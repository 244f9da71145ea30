package io.hookgate.pull;

import io.hookgate.pull.wake.EmptyReads;
import io.hookgate.pull.wake.TenantWaits;
import io.hookgate.pull.wake.TooManyWaitersException;
import io.hookgate.pull.wake.Wakeups;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a page of a pull subscription, long-polling when asked: while nothing is visible it waits on
 * {@link Wakeups} (a callback: no thread, no connection, no Mutiny chain) and reads again. A wake-up whose rows are not visible
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
    private final TenantWaits tenantWaits;

    public PullReader(PullStore store, PullRenderer renderer, Wakeups wakeups, PullMetrics metrics,
            TenantWaits tenantWaits) {
        this.store = store;
        this.renderer = renderer;
        this.wakeups = wakeups;
        this.metrics = metrics;
        this.tenantWaits = tenantWaits;
    }

    /** What a read returns before rendering: the stored page and the position a client polls again with. */
    public record Read(PullStore.StoredPage page, Optional<PullCursor> next) {
    }

    /** A rendered page, for {@code GET …/messages}. */
    public Uni<PullPage> page(SubscriptionRow subscription, Optional<PullCursor> after, int limit, Duration wait,
            PullMetrics.Via via) {
        return read(subscription, after, limit, wait).map(read -> render(subscription, read, via));
    }

    /** The page a read becomes: its messages signed with the subscription's secrets, and counted. */
    public PullPage render(SubscriptionRow subscription, Read read, PullMetrics.Via via) {
        List<PullMessage> data = renderer.render(subscription, read.page().messages());
        metrics.handedOut(via, data.size());
        return new PullPage(data, read.next().map(PullCursor::wire).orElse(null), read.page().refresh());
    }

    /** Reads, waiting up to {@code wait} for a message when none is visible. */
    public Uni<Read> read(SubscriptionRow subscription, Optional<PullCursor> after, int limit, Duration wait) {
        return Uni.createFrom().emitter(emitter -> {
            Poll poll = newPoll(subscription, after, limit, wait, (read, failure) -> {
                if (failure == null) {
                    emitter.complete(read);
                } else {
                    emitter.fail(failure);
                }
            });
            // a client that goes away forgets its waiter at once, not when its wait ends
            emitter.onTermination(poll::cancel);
            poll.attempt(0);
        });
    }

    /**
     * {@link #read} without Mutiny, for the long-poll route: {@code done} gets the read or its failure exactly once,
     * unless the returned handle runs first (it forgets the waiter). While it waits, the caller holds only this.
     */
    public Runnable hold(SubscriptionRow subscription, Optional<PullCursor> after, int limit, Duration wait,
            BiConsumer<Read, Throwable> done) {
        Poll poll = newPoll(subscription, after, limit, wait, done);
        poll.attempt(0);
        return poll::cancel;
    }

    private Poll newPoll(SubscriptionRow subscription, Optional<PullCursor> after, int limit, Duration wait,
            BiConsumer<Read, Throwable> done) {
        return new Poll(subscription, after, limit, System.nanoTime() + wait.toNanos(), done);
    }

    /**
     * One long-poll as one object, not a Mutiny chain that grows by an operator per re-read: while it waits, a held
     * call keeps this, one {@link Step} and its waiter (docs/BENCHMARKS.md, "Memory per held long-poll"). It ends
     * once: answered, failed or cancelled, whichever comes first.
     */
    private final class Poll {
        private final UUID subscriptionId;
        private final UUID tenantId;
        private final Optional<PullCursor> after;
        private final int limit;
        private final long deadline;
        private final BiConsumer<Read, Throwable> done;
        private volatile Runnable forgetWaiter = () -> { };
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean sharing = new AtomicBoolean();

        Poll(SubscriptionRow subscription, Optional<PullCursor> after, int limit, long deadline,
                BiConsumer<Read, Throwable> done) {
            this.subscriptionId = subscription.id();
            this.tenantId = subscription.tenantId();
            this.after = after;
            this.limit = limit;
            this.deadline = deadline;
            this.done = done;
        }

        void cancel() {
            if (ended.compareAndSet(false, true)) {
                leaveShare();
            }
            forgetWaiter.run();
        }

        void fail(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                leaveShare();
                done.accept(null, failure);
            }
        }

        void attempt(int recheck) {
            long left = deadline - System.nanoTime();
            if (ended.get()) {
                return;
            }
            if (left > 0 && !sharing.get() && !enterShare()) {
                return;
            }
            if (left <= 0) {
                store.read(tenantId, subscriptionId, after, limit).subscribe().with(this::answer, this::fail);
                return;
            }
            Duration pause = Duration.ofNanos(recheck > 0 ? Math.min(RECHECKS[recheck - 1].toNanos(), left) : left);
            Step step = new Step(this, recheck, pause);
            // the waiter exists before the read: a message committed while the read runs still wakes it
            forgetWaiter = wakeups.await(subscriptionId, pause, step);
            if (ended.get()) {
                forgetWaiter.run(); // ended while registering: cancel ran with the previous handle
                return;
            }
            EmptyReads empty = wakeups.emptyReads();
            if (recheck == 0 && empty.knownEmpty(subscriptionId, after)) {
                step.arrive(null); // nothing signalled since a read here found nothing (docs/DESIGN.md)
                return;
            }
            EmptyReads.Ticket ticket = empty.before(subscriptionId, after);
            store.read(tenantId, subscriptionId, after, limit).subscribe().with(page -> {
                if (!page.messages().isEmpty() || page.refresh()) {
                    forgetWaiter.run();
                    answer(page);
                } else {
                    empty.foundNothing(ticket);
                    step.arrive(null);
                }
            }, failure -> {
                forgetWaiter.run();
                fail(failure);
            });
        }

        /** Takes the tenant's slot once for the whole wait, not per re-read; false when the poll ended instead. */
        private boolean enterShare() {
            if (!tenantWaits.tryEnter(tenantId)) {
                fail(new TooManyWaitersException(tenantWaits.perTenant(), TooManyWaitersException.Bound.TENANT));
                return false;
            }
            sharing.set(true);
            if (ended.get()) {
                leaveShare(); // cancelled while entering: cancel found nothing to give back
                return false;
            }
            return true;
        }

        private void leaveShare() {
            if (sharing.compareAndSet(true, false)) {
                tenantWaits.leave(tenantId);
            }
        }

        void expire() {
            answer(new PullStore.StoredPage(false, after.orElse(PullCursor.START), List.of()));
        }

        private void answer(PullStore.StoredPage page) {
            if (ended.compareAndSet(false, true)) {
                leaveShare();
                done.accept(new Read(page, page.next(after)), null);
            }
        }
    }

    /** One wait of a poll: the next read starts when both the empty read and the wake-up (or timeout) arrived. */
    private static final class Step extends AtomicInteger implements Consumer<Throwable> {
        private final Poll poll;
        private final int recheck;
        private final Duration pause;
        private final long before = System.nanoTime();
        private volatile long fired;
        private volatile Throwable refused;

        Step(Poll poll, int recheck, Duration pause) {
            this.poll = poll;
            this.recheck = recheck;
            this.pause = pause;
        }

        @Override
        public void accept(Throwable failure) {
            fired = System.nanoTime();
            arrive(failure);
        }

        void arrive(Throwable failure) {
            if (failure != null) {
                refused = failure;
            }
            if (incrementAndGet() < 2) {
                return;
            }
            if (refused != null) {
                poll.fail(refused);
                return;
            }
            // woken well before the pause ended, by the waiter's clock not the read's: rows may lag, re-check soon
            boolean early = fired - before < pause.toNanos() - 1_000_000;
            if (!early && recheck == 0) {
                // nothing woke it since its empty read: SPEC 11's data: [] with no statement (docs/DESIGN.md)
                poll.expire();
                return;
            }
            int nextCheck = early ? 1 : recheck > 0 && recheck < RECHECKS.length ? recheck + 1 : 0;
            poll.attempt(nextCheck);
        }
    }
}

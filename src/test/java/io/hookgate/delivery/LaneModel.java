package io.hookgate.delivery;

import io.hookgate.delivery.policy.CircuitBreaker;
import io.hookgate.support.MutableClock;
import io.hookgate.delivery.LaneActions.Started;
import io.hookgate.egress.UrlPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The real {@link LaneScheduler} and {@link EndpointBreakers} driven by an in-memory store and dispatcher on a
 * hand-moved clock: claims every poll interval, when a slot frees and when the lanes ask; attempts end after a
 * scripted time with a scripted outcome. It records every row's journey so properties can check it.
 */
final class LaneModel {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration STEP = Duration.ofMillis(50);
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Duration ATTEMPT_BOUND = Duration.ofSeconds(3);
    static final Duration RETRY = Duration.ofSeconds(1);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** One subscription: its URL and tenant. */
    record Sub(UUID id, String url, UUID tenant) {
    }

    /** How an endpoint behaves: attempts take {@code latency}, fail until {@code healthyAt}, then pass quickly. */
    record Behaviour(Duration latency, Duration healthyAt, double failureShare) {
    }

    enum State { DUE, LEASED, QUEUED, IN_FLIGHT, DONE }

    static final class Row {
        final UUID id = UUID.randomUUID();
        final Sub sub;
        final Instant created;
        Instant due;
        boolean held;
        State state = State.DUE;
        Instant leaseUntil;
        int attempts;
        /** Order of the claim that last offered it: the lane's queue is FIFO in this order. */
        long offeredSeq;
        /** Since when the row is due, unleased and startable (null when it is not). */
        Instant claimableSince;
        Duration longestClaimableWait = Duration.ZERO;

        Row(Sub sub, Instant at) {
            this.sub = sub;
            this.created = at;
            this.due = at;
        }
    }

    private record Finish(Instant at, Started started, boolean success) {
    }

    final MutableClock clock = new MutableClock(T0);
    final LaneScheduler scheduler;
    final EndpointBreakers breakers;
    final LaneScheduler.Settings settings;
    final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final Map<String, Behaviour> behaviours;
    private final Random random;
    private final UrlPolicy policy = new UrlPolicy(true);
    private final Map<String, Endpoint> endpoints = new java.util.HashMap<>();
    private final PriorityQueue<Finish> finishing = new PriorityQueue<>(Comparator.comparing(Finish::at));
    private final List<Instant> wakes = new ArrayList<>();
    /** Top-ups asked for, answered on the next step (as the store answers later than the lanes ask). */
    private final List<LaneActions.TopUp> topUps = new ArrayList<>();
    private Instant nextPoll = T0;
    private boolean claimSoon;
    /** As the dispatcher's: a freed slot claims only while a short claim has not shown the store empty. */
    private boolean dueRowsLikely = true;
    private long seq;
    int claims;
    int topUpsAnswered;

    LaneModel(LaneScheduler.Settings settings, CircuitBreaker.Settings breaker, boolean breakerEnabled,
            Map<String, Behaviour> behaviours, long seed) {
        this.settings = settings;
        this.behaviours = behaviours;
        this.random = new Random(seed);
        this.breakers = new EndpointBreakers(clock, breakerEnabled, breaker);
        this.scheduler = new LaneScheduler(settings, breakers, this::endpoint, id -> false, clock);
    }

    Instant now() {
        return clock.instant();
    }

    void arrive(Sub sub, int count) {
        for (int i = 0; i < count; i++) {
            Row row = new Row(sub, now());
            rows.put(row.id, row);
        }
        claimSoon = true;
        dueRowsLikely = true;
    }

    /** Moves time by one step, running every claim round and attempt end that falls into it. */
    void step() {
        clock.advance(STEP);
        Instant now = now();
        List<LaneActions.TopUp> asked = List.copyOf(topUps);
        topUps.clear();
        asked.forEach(this::topUp);
        while (!finishing.isEmpty() && !finishing.peek().at().isAfter(now)) {
            finish(finishing.poll());
        }
        boolean woken = wakes.removeIf(at -> !at.isAfter(now));
        if (woken) {
            dueRowsLikely = true;
        }
        if (!now.isBefore(nextPoll)) {
            nextPoll = now.plus(POLL);
            carryOut(scheduler.sweep());
            expireLeases();
            dueRowsLikely = true;
            claim();
        } else if (woken || claimSoon) {
            claim();
        }
        trackClaimable();
    }

    private void claim() {
        claimSoon = false;
        int room = scheduler.book().room();
        if (room <= 0) {
            return;
        }
        claims++;
        ClaimExclusions.Exclusions skip = scheduler.exclusions();
        List<Row> due = rows.values().stream()
                .filter(r -> r.state == State.DUE && !r.due.isAfter(now()))
                .filter(r -> !skip.urls().contains(r.sub.url()) && !skip.tenants().contains(r.sub.tenant()))
                .sorted(Comparator.comparing((Row r) -> r.due)).limit(room).toList();
        List<ClaimedDelivery> claimed = lease(due);
        LaneActions actions = scheduler.offer(claimed);
        carryOut(actions);
        // as the dispatcher: a full round is followed at once by another
        claimSoon = claimed.size() == room;
        if (claimed.size() < room && actions.declined == 0) {
            dueRowsLikely = false;
        }
    }

    /** As the store's top-up: due rows of the lane's subscriptions only, oldest first. */
    private void topUp(LaneActions.TopUp t) {
        topUpsAnswered++;
        List<Row> due = rows.values().stream()
                .filter(r -> r.state == State.DUE && !r.due.isAfter(now()) && t.subscriptions().contains(r.sub.id()))
                .sorted(Comparator.comparing((Row r) -> r.due)).limit(t.count()).toList();
        carryOut(scheduler.toppedUp(t, lease(due)));
    }

    private List<ClaimedDelivery> lease(List<Row> due) {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Row r : due) {
            r.state = State.LEASED;
            r.held = false;
            r.leaseUntil = now().plus(LEASE);
            claimed.add(delivery(r));
        }
        for (Row r : due) {
            r.state = State.QUEUED; // until the actions say otherwise
            r.offeredSeq = seq++;
        }
        return claimed;
    }

    private void carryOut(LaneActions a) {
        for (Started s : a.starts) {
            Row r = rows.get(s.delivery().id());
            r.state = State.IN_FLIGHT;
            r.attempts++;
            Behaviour b = behaviours.get(r.sub.url());
            boolean healthy = !now().isBefore(T0.plus(b.healthyAt()));
            Duration took = healthy ? Duration.ofMillis(100) : b.latency();
            boolean success = healthy || random.nextDouble() >= b.failureShare();
            finishing.add(new Finish(now().plus(took), s, success));
        }
        for (LaneActions.Postponement p : a.postponed) {
            Row r = rows.get(p.delivery().id());
            r.state = State.DUE;
            r.due = p.at();
            r.held = p.held();
            r.leaseUntil = null;
        }
        for (ClaimedDelivery d : a.disabled) {
            rows.get(d.id()).state = State.DONE;
        }
        for (ClaimedDelivery d : a.expired) {
            rows.get(d.id()).state = State.DONE;
        }
        for (LaneActions.Retime retime : a.retimes) {
            rows.values().stream().filter(r -> r.held && r.state == State.DUE && retime.urls().contains(r.sub.url()))
                    .forEach(r -> r.due = retime.at());
        }
        if (a.wakeAt() != null) {
            wakes.add(a.wakeAt());
        }
        topUps.addAll(a.topUps);
    }

    private void finish(Finish f) {
        Row r = rows.get(f.started().delivery().id());
        AttemptResult result = f.success()
                ? AttemptResult.response(now(), Duration.ZERO, 204, java.util.Optional.empty(), "", new byte[0])
                : AttemptResult.response(now(), Duration.ZERO, 500, java.util.Optional.empty(), "", new byte[0]);
        if (f.success()) {
            r.state = State.DONE;
        } else {
            r.state = State.DUE;
            r.due = now().plus(RETRY);
        }
        r.leaseUntil = null;
        carryOut(scheduler.finished(f.started(), result));
        // a retry becomes due later by its own time; only a freed slot with due rows likely claims now
        claimSoon |= dueRowsLikely;
    }

    /** A row whose lease ran out in memory comes back by itself, as in the store. */
    private void expireLeases() {
        for (Row r : rows.values()) {
            if ((r.state == State.LEASED || r.state == State.QUEUED) && r.leaseUntil != null
                    && !r.leaseUntil.isAfter(now())) {
                throw new AssertionError("a queued row outlived its lease: " + r.sub.url());
            }
        }
    }

    Endpoint endpoint(String url) {
        return endpoints.computeIfAbsent(url, u -> Endpoint.of(policy.parse(u)));
    }

    /** Startable: due, in the store, breaker letting requests through, and no cap of its own reached. */
    boolean startable(Row r) {
        Endpoint e = endpoint(r.sub.url());
        if (r.state != State.DUE || r.due.isAfter(now()) || breakers.openUntil(e.key()).isPresent()) {
            return false;
        }
        boolean queuedHere = rows.values().stream()
                .anyMatch(x -> x.state == State.QUEUED && endpoint(x.sub.url()).equals(e));
        return !queuedHere && inFlight(x -> endpoint(x.sub.url()).equals(e)) < limit(e.key())
                && inFlight(x -> endpoint(x.sub.url()).host().equals(e.host())) < settings.caps().perHost()
                && inFlight(x -> x.sub.tenant().equals(r.sub.tenant())) < settings.caps().perTenant()
                && inFlight(x -> true) < settings.caps().global();
    }

    /** The endpoint's in-flight limit now: it adapts between the floor and the ceiling. */
    int limit(String endpointKey) {
        return scheduler.book().limit(endpointKey);
    }

    long inFlight(java.util.function.Predicate<Row> which) {
        return rows.values().stream().filter(x -> x.state == State.IN_FLIGHT).filter(which).count();
    }

    private void trackClaimable() {
        Instant now = now();
        for (Row r : rows.values()) {
            if (startable(r)) {
                if (r.claimableSince == null) {
                    r.claimableSince = now;
                }
                Duration waited = Duration.between(r.claimableSince, now);
                if (waited.compareTo(r.longestClaimableWait) > 0) {
                    r.longestClaimableWait = waited;
                }
            } else {
                r.claimableSince = null;
            }
        }
    }

    boolean allDone() {
        return rows.values().stream().allMatch(r -> r.state == State.DONE);
    }

    Set<String> urlsOfPending() {
        Set<String> out = new TreeSet<>();
        rows.values().stream().filter(r -> r.state != State.DONE).forEach(r -> out.add(r.sub.url() + ":" + r.state));
        return out;
    }

    private ClaimedDelivery delivery(Row r) {
        ClaimedDelivery.Subscription sub = new ClaimedDelivery.Subscription(r.sub.url(), io.hookgate.subscription.SubscriptionFormat.STANDARD, "active", 1,
                new byte[0], null, null, null, null, null);
        return new ClaimedDelivery(r.id, "evt", r.sub.id(), r.sub.tenant(), "chat.message", r.attempts, r.attempts,
                r.created, null, r.due, r.leaseUntil, sub, new ClaimedDelivery.Event(r.created.toString(), "{}"));
    }
}

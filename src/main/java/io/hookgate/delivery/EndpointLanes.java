package io.hookgate.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One lane per endpoint (scheme, host and port): at most {@code max-in-flight-per-endpoint} attempts
 * run, a short queue waits behind them, and an open breaker sends work back to the table. A hanging
 * endpoint can therefore only ever hold its own lane, never the dispatcher.
 */
@ApplicationScoped
public class EndpointLanes {

    /** Claimed-but-waiting rows per endpoint, as a multiple of the endpoint's in-flight cap. */
    private static final int QUEUE_FACTOR = 4;

    private final DeliveryConfig config;
    private final InFlightLimiter limiter;
    private final EndpointBreakers breakers;
    private final DeliverySender sender;
    private final OutcomePlanner planner;
    private final OutcomeWriter writer;
    private final AttemptContexts contexts;
    private final Clock clock;
    private final Map<String, ArrayDeque<ClaimedDelivery>> queues = new HashMap<>();
    private final Map<String, Set<UUID>> subscriptionsByEndpoint = new HashMap<>();
    private int queued;
    private int reserved;
    private Runnable slotFreed = () -> { };

    public EndpointLanes(DeliveryConfig config, InFlightLimiter limiter, EndpointBreakers breakers,
            DeliverySender sender, OutcomePlanner planner, OutcomeWriter writer, AttemptContexts contexts,
            Clock clock) {
        this.config = config;
        this.limiter = limiter;
        this.breakers = breakers;
        this.sender = sender;
        this.planner = planner;
        this.writer = writer;
        this.contexts = contexts;
        this.clock = clock;
    }

    void onSlotFreed(Runnable callback) {
        this.slotFreed = callback;
    }

    /** How many more rows may be claimed now. */
    synchronized int room() {
        return config.maxInFlight() - limiter.inFlight() - queued - reserved;
    }

    /** Holds room for up to {@code wanted} rows that are being stored leased; returns how many were granted. */
    synchronized int reserve(int wanted) {
        int granted = Math.max(0, Math.min(wanted, room()));
        reserved += granted;
        return granted;
    }

    /** Gives reserved room back, right before the stored rows are offered. */
    synchronized void unreserve(int count) {
        reserved -= count;
    }

    synchronized int inFlight() {
        return limiter.inFlight();
    }

    /** Subscriptions whose endpoint is full or whose breaker is open: the next claim skips them. */
    synchronized Set<UUID> excludedSubscriptions() {
        Set<UUID> excluded = new HashSet<>();
        subscriptionsByEndpoint.forEach((endpoint, subscriptions) -> {
            if (full(endpoint) || breakers.forEndpoint(endpoint).state() == CircuitBreaker.State.OPEN) {
                excluded.addAll(subscriptions);
            }
        });
        return excluded;
    }

    /** Starts, queues or postpones a claimed delivery; returns the instant it was postponed to, if it was. */
    synchronized Optional<Instant> offer(ClaimedDelivery d) {
        if (!d.subscription().active()) {
            writer.submit(planner.plan(d, AttemptResult.failure(clock.instant(), Duration.ZERO,
                    "subscription_disabled", new byte[0])));
            return Optional.empty();
        }
        String endpoint = endpointKey(d.subscription().url());
        subscriptionsByEndpoint.computeIfAbsent(endpoint, e -> new HashSet<>()).add(d.subscriptionId());
        CircuitBreaker breaker = breakers.forEndpoint(endpoint);
        if (breaker.state() == CircuitBreaker.State.OPEN) {
            return Optional.of(breaker.openUntil().orElse(clock.instant().plusSeconds(1)));
        }
        if (limiter.tryAcquire(endpoint)) {
            if (!breaker.allowsRequest()) {
                limiter.release(endpoint);
                return Optional.of(breaker.openUntil().orElse(clock.instant().plusSeconds(1)));
            }
            start(endpoint, d, breaker);
            return Optional.empty();
        }
        queues.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(d);
        queued++;
        return Optional.empty();
    }

    /** Removes every queued row (at shutdown) so it can be handed back at once. */
    synchronized List<ClaimedDelivery> drainQueued() {
        List<ClaimedDelivery> all = new ArrayList<>();
        queues.values().forEach(all::addAll);
        queues.clear();
        queued = 0;
        return all;
    }

    private void start(String endpoint, ClaimedDelivery d, CircuitBreaker breaker) {
        contexts.forEndpoint(endpoint).runOnContext(
                v -> sender.send(d).subscribe().with(result -> finished(endpoint, d, breaker, result)));
    }

    private void finished(String endpoint, ClaimedDelivery d, CircuitBreaker breaker, AttemptResult result) {
        if (countsAsEndpointFailure(result)) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
        writer.submit(planner.plan(d, result));
        synchronized (this) {
            limiter.release(endpoint);
            startNext(endpoint, breaker);
        }
        slotFreed.run();
    }

    private void startNext(String endpoint, CircuitBreaker breaker) {
        ArrayDeque<ClaimedDelivery> waiting = queues.get(endpoint);
        while (waiting != null && !waiting.isEmpty()) {
            ClaimedDelivery next = waiting.poll();
            queued--;
            if (!leaseCoversAttempt(next)) {
                continue;  // another replica may claim it any moment: leave it to the lease
            }
            if (limiter.tryAcquire(endpoint)) {
                if (breaker.allowsRequest()) {
                    start(endpoint, next, breaker);
                    break;
                }
                limiter.release(endpoint);
            }
            waiting.addFirst(next);
            queued++;
            break;
        }
        if (waiting != null && waiting.isEmpty()) {
            queues.remove(endpoint);
        }
    }

    private boolean leaseCoversAttempt(ClaimedDelivery d) {
        return clock.instant().plus(config.timeout()).plusSeconds(2).isBefore(d.leaseExpiresAt());
    }

    private boolean full(String endpoint) {
        ArrayDeque<ClaimedDelivery> waiting = queues.get(endpoint);
        int waitingCount = waiting == null ? 0 : waiting.size();
        return limiter.inFlight(endpoint) + waitingCount >= config.maxInFlightPerEndpoint() * QUEUE_FACTOR;
    }

    /** Only the endpoint's own health counts: a 4xx other than 408/429 is the request's fault. */
    static boolean countsAsEndpointFailure(AttemptResult r) {
        if (r.statusCode() == null) {
            return !"egress_denied".equals(r.error()) && !"internal_error".equals(r.error());
        }
        int s = r.statusCode();
        return s >= 500 || s == 408 || s == 429;
    }

    static String endpointKey(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}

package io.hookgate.pull.api;

import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.pull.consumer.Consumers;
import io.hookgate.pull.wake.PullWakeConfig;
import io.hookgate.pull.wake.TenantWaits;
import io.hookgate.pull.wake.TooManyWaitersException;
import io.hookgate.pull.wake.Wakeups;
import io.hookgate.tenant.Authenticator;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What every read, long-poll and stream resolves before it starts: the caller's pull subscription (404, 409) and the
 * position it reads after (the given cursor, else the named consumer's committed one, else the oldest message); and,
 * for calls that wait, whether this replica and the caller's tenant may hold one more waiter.
 */
@ApplicationScoped
public class PullCallStarts {

    private final Authenticator authenticator;
    private final PullSubscriptions subscriptions;
    private final Consumers consumers;
    private final Wakeups wakeups;
    private final TenantWaits tenantWaits;
    private final int maxWaiters;

    public PullCallStarts(Authenticator authenticator, PullSubscriptions subscriptions, Consumers consumers,
            Wakeups wakeups, TenantWaits tenantWaits, PullWakeConfig config) {
        this.authenticator = authenticator;
        this.subscriptions = subscriptions;
        this.consumers = consumers;
        this.wakeups = wakeups;
        this.tenantWaits = tenantWaits;
        this.maxWaiters = config.maxWaiters();
    }

    /**
     * {@link #start} for a call that would wait, below the REST layer: a null item when its API key does not
     * authenticate; a {@link TooManyWaitersException} at once, before any lookup, when the caller's tenant already
     * holds its share (a client that retries too soon costs no statement).
     */
    Uni<PullStream.Start> start(MultiMap headers, String id, Optional<PullCursor> after, String consumer) {
        return Uni.createFrom().deferred(() -> authenticator.authenticate(headers.getAll(HttpHeaders.AUTHORIZATION)))
                .chain(principal -> {
                    if (principal.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    if (principal.get() instanceof Principal.Tenant tenant && atShare(tenant.tenantId())) {
                        return Uni.createFrom().failure(tenantShareReached());
                    }
                    return start(principal.get(), id, after, consumer);
                });
    }

    /** The caller's subscription and where to read after; fails with the 404 or 409 problem. */
    Uni<PullStream.Start> start(Principal caller, String id, Optional<PullCursor> after, String consumer) {
        return subscriptions.find(caller, id).chain(sub -> (after.isPresent() || consumer == null
                ? Uni.createFrom().item(after) : consumers.position(sub, consumer))
                .map(from -> new PullStream.Start(sub, from)));
    }

    /** Why a call that would wait must be refused now (503 for the replica, 429 for the tenant), if it must. */
    Optional<TooManyWaitersException> refusal(PullStream.Start start) {
        if (!wakeups.admits()) {
            return Optional.of(new TooManyWaitersException(maxWaiters));
        }
        if (atShare(start.subscription().tenantId())) {
            return Optional.of(tenantShareReached());
        }
        return Optional.empty();
    }

    private boolean atShare(UUID tenant) {
        return tenantWaits.held(tenant) >= tenantWaits.perTenant();
    }

    private TooManyWaitersException tenantShareReached() {
        return new TooManyWaitersException(tenantWaits.perTenant(), TooManyWaitersException.Bound.TENANT);
    }
}

package io.hookgate.delivery.log;

import io.hookgate.challenge.ChallengeFailedException;
import io.hookgate.challenge.ChallengeHandshake;
import io.hookgate.delivery.Dispatcher;
import io.hookgate.delivery.policy.DeliveryStatus;
import io.hookgate.event.EventId;
import io.hookgate.event.PayloadFormatter;
import io.hookgate.api.Cursor;
import io.hookgate.api.Page;
import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.subscription.Scope;
import io.hookgate.subscription.SubscriptionRepository;
import io.hookgate.subscription.SubscriptionRow;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The delivery log, redelivery, recovery and ping, always within the caller's tenant. */
@ApplicationScoped
public class DeliveryLogService {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Set<String> STATUSES = Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::value)
            .collect(Collectors.toUnmodifiableSet());

    private final DeliveryLogRepository repository;
    private final SubscriptionRepository subscriptions;
    private final Dispatcher dispatcher;
    private final ChallengeHandshake handshake;
    private final Clock clock;

    public DeliveryLogService(DeliveryLogRepository repository, SubscriptionRepository subscriptions,
            Dispatcher dispatcher, ChallengeHandshake handshake, Clock clock) {
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.handshake = handshake;
        this.clock = clock;
    }

    public Uni<Page<DeliveryViews.Delivery>> list(Principal caller, String id, String status, String limit,
            String cursor) {
        UUID subscriptionId = PathIds.uuid(id, "subscription");
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status must be one of pending, delivered, failed");
        }
        int size = Page.limit(limit);
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        return owned(caller, subscriptionId)
                .chain(sub -> repository.list(subscriptionId, tenant(caller), status, after, size + 1))
                .map(rows -> Page.of(rows, size, d -> new Cursor(d.createdAt(), d.id()), d -> d));
    }

    public Uni<DeliveryViews.DeliveryWithAttempts> get(Principal caller, String id) {
        UUID deliveryId = PathIds.uuid(id, "delivery");
        return repository.get(deliveryId, tenant(caller))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("delivery")));
    }

    /** Starts a fresh cycle of attempts with the same webhook-id. */
    public Uni<Void> redeliver(Principal caller, String id) {
        UUID deliveryId = PathIds.uuid(id, "delivery");
        UUID tenant = tenant(caller);
        return repository.get(deliveryId, tenant)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("delivery")))
                .chain(d -> repository.redeliver(deliveryId, tenant))
                .invoke(requeued -> {
                    if (!requeued) {
                        throw new ProblemException(409, "already-pending", "Conflict",
                                "the delivery is already pending");
                    }
                    dispatcher.wake();
                }).replaceWithVoid();
    }

    public Uni<DeliveryViews.Requeued> recover(Principal caller, String id, DeliveryViews.RecoverRequest request) {
        UUID subscriptionId = PathIds.uuid(id, "subscription");
        if (request == null || request.since() == null) {
            throw ProblemException.invalid("since", "required: an ISO-8601 instant");
        }
        storable("since", request.since());
        storable("until", request.until());
        if (request.until() != null && !request.until().isAfter(request.since())) {
            throw ProblemException.invalid("until", "must be after since");
        }
        return owned(caller, subscriptionId).invoke(DeliveryLogService::requirePush)
                .chain(sub -> repository.recover(subscriptionId, request.since(), request.until()))
                .invoke(dispatcher::wake)
                .map(DeliveryViews.Requeued::new);
    }

    /** An instant PostgreSQL and {@code OffsetDateTime} both hold: a year past that range was a 500. */
    private static void storable(String field, Instant at) {
        if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
            throw ProblemException.invalid(field, "must lie in the years 0001-9999");
        }
    }

    /**
     * Stores a webhook.ping event and its delivery; the dispatcher signs and sends it like any other. An eventyay
     * receiver would store that POST as a chat message, so for eventyay subscriptions the ping is the challenge
     * handshake instead, which posts nothing (SPEC section 5).
     */
    public Uni<DeliveryViews.Ping> ping(Principal caller, String id) {
        UUID subscriptionId = PathIds.uuid(id, "subscription");
        return owned(caller, subscriptionId).invoke(DeliveryLogService::requirePush).chain(sub -> {
            if (!sub.isActive()) {
                throw new ProblemException(409, "subscription-disabled", "Conflict", "the subscription is disabled");
            }
            if (SubscriptionRow.FORMAT_EVENTYAY.equals(sub.format())) {
                return handshake.verify(sub.url())
                        .<DeliveryViews.Ping>map(ok -> DeliveryViews.HandshakeResult.passed())
                        .onFailure(ChallengeFailedException.class).recoverWithItem(e ->
                                DeliveryViews.HandshakeResult.failed(((ChallengeFailedException) e).reason()));
            }
            return repository.ping(EventId.random().value(), sub.id(), sub.tenantId(), clock.instant(),
                    PayloadFormatter.pingData(sub.id().toString()))
                    .invoke(dispatcher::wake).map(DeliveryViews.PingAccepted::new);
        });
    }

    /** A pull subscription has no receiver to ping and no deliveries to recover (SPEC 11). */
    private static void requirePush(SubscriptionRow sub) {
        if (sub.isPull()) {
            throw new ProblemException(409, "pull-subscription", "Conflict",
                    "this is a pull subscription: it has no url to ping and no deliveries to recover");
        }
    }

    private Uni<SubscriptionRow> owned(Principal caller, UUID subscriptionId) {
        return subscriptions.find(Scope.of(caller), subscriptionId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("subscription")));
    }

    /** The caller's tenant, or null for the admin (who sees every tenant). */
    private static UUID tenant(Principal caller) {
        return Scope.of(caller).tenantId().orElse(null);
    }
}

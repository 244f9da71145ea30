package io.hookgate.subscription;

import io.hookgate.api.Cursor;
import io.hookgate.ops.OperationsPublisher;
import io.hookgate.api.Page;
import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.signing.WebhookSecret;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Create, read, delete and secret rotation of subscriptions, always within the caller's tenant scope. */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository repository;
    private final SubscriptionSecrets secrets;
    private final EndpointVerifier verifier;
    private final ChannelScope channelScope;
    private final Clock clock;
    private final OperationsPublisher operations;

    public SubscriptionService(SubscriptionRepository repository, SubscriptionSecrets secrets,
            EndpointVerifier verifier, ChannelScope channelScope, Clock clock, OperationsPublisher operations) {
        this.operations = operations;
        this.repository = repository;
        this.secrets = secrets;
        this.verifier = verifier;
        this.channelScope = channelScope;
        this.clock = clock;
    }

    /**
     * Validates, checks egress, runs the handshake, and only then stores the subscription. A pull subscription has
     * no url, so neither egress check nor handshake (SPEC 11).
     */
    public Uni<CreatedSubscription> create(Principal caller, CreateSubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        UUID tenantId = owner(caller, request.tenantId());
        SubscriptionRules rules = new SubscriptionRules();
        SubscriptionMode mode = rules.mode(request.mode());
        boolean pull = mode == SubscriptionMode.PULL;
        if (pull && request.url() != null) {
            throw ProblemException.badRequest("a pull subscription has no url: omit url with mode \"pull\"");
        }
        if (!pull && request.retention() != null) {
            throw ProblemException.badRequest("retention applies to pull subscriptions only");
        }
        String url = pull ? null : rules.url(request.url());
        PullLimits retention = RetentionRules.apply(request.retention(), PullLimits.DEFAULTS, rules);
        var eventTypes = rules.eventTypes(request.eventTypes());
        var channels = rules.channels(request.channels());
        String format = rules.format(request.format());
        String description = rules.description(request.description());
        Integer expireAfter = rules.expireAfter(request.expireAfter());
        WebhookSecret supplied = rules.secret(request.secret());
        rules.throwIfInvalid();
        WebhookSecret secret = supplied != null ? supplied : secrets.generate();
        UUID id = UUID.randomUUID();
        return channelScope.of(caller, tenantId)
                .invoke(tenant -> ChannelScope.require(tenant, channels))
                .chain(() -> pull ? Uni.createFrom().voidItem() : verifier.verify(url))
                .chain(() -> repository.insert(new NewSubscription(id, tenantId, mode, url, eventTypes, channels,
                        SubscriptionFormat.of(format).orElseThrow(),
                        description, expireAfter, secrets.sealCurrent(id, secret), retention)))
                .invoke(row -> {
                    if (!pull) {
                        operations.fire("subscription.verified", row.id(), row.tenantId(), "challenge passed");
                    }
                })
                .map(row -> new CreatedSubscription(SubscriptionView.of(row), secret.text()));
    }

    public Uni<Page<SubscriptionView>> list(Principal caller, String tenantFilter, String limitText,
            String cursorText) {
        int limit = Page.limit(limitText);
        Optional<Cursor> after = Optional.ofNullable(cursorText).filter(c -> !c.isEmpty()).map(Cursor::decode);
        Scope scope = listScope(caller, tenantFilter);
        return repository.page(scope, after, limit + 1).map(rows -> Page.of(rows, limit,
                row -> new Cursor(row.createdAt(), row.id()), SubscriptionView::of));
    }

    public Uni<SubscriptionView> get(Principal caller, String idText) {
        return repository.find(Scope.of(caller), parseId(idText))
                .map(row -> SubscriptionView.of(row.orElseThrow(SubscriptionService::notFound)));
    }

    public Uni<Void> delete(Principal caller, String idText) {
        return repository.delete(Scope.of(caller), parseId(idText)).invoke(deleted -> {
            if (!deleted) {
                throw notFound();
            }
        }).replaceWithVoid();
    }

    /** Moves the current secret to the previous slot for the rotation overlap and installs a new one. */
    public Uni<RotatedSecret> rotateSecret(Principal caller, String idText, RotateSecretRequest request) {
        UUID id = parseId(idText);
        SubscriptionRules rules = new SubscriptionRules();
        WebhookSecret supplied = rules.secret(request == null ? null : request.secret());
        rules.throwIfInvalid();
        WebhookSecret next = supplied != null ? supplied : secrets.generate();
        return repository.rotateSecret(Scope.of(caller), id, locked -> secrets.rotate(locked, next, clock.instant()))
                .map(row -> row.orElseThrow(SubscriptionService::notFound))
                .map(row -> new RotatedSecret(next.text(), row.previousExpiresAt()));
    }

    // The admin must name the tenant; a tenant key may not (it always acts for its own tenant).
    private static UUID owner(Principal caller, String tenantIdText) {
        if (caller instanceof Principal.Tenant tenant) {
            if (tenantIdText != null) {
                throw ProblemException.forbidden("tenant_id may only be set with the admin key");
            }
            return tenant.tenantId();
        }
        if (tenantIdText == null) {
            throw ProblemException.invalid("tenant_id", "tenant_id is required with the admin key");
        }
        return parseUuid(tenantIdText)
                .orElseThrow(() -> ProblemException.invalid("tenant_id", "tenant_id must be a UUID"));
    }

    private static Scope listScope(Principal caller, String tenantFilter) {
        if (tenantFilter == null || tenantFilter.isEmpty()) {
            return Scope.of(caller);
        }
        UUID tenantId = parseUuid(tenantFilter)
                .orElseThrow(() -> ProblemException.badRequest("tenant_id must be a UUID"));
        if (!caller.canAccess(tenantId)) {
            throw ProblemException.forbidden("tenant_id may only name the caller's own tenant");
        }
        return Scope.tenant(tenantId);
    }

    /** A malformed id cannot name any subscription, so it is a 404 like any other unknown id. */
    static UUID parseId(String idText) {
        return PathIds.uuid(idText, "subscription");
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            // UUID.fromString accepts shortened forms; only the canonical spelling names a row.
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static ProblemException notFound() {
        return ProblemException.notFound("subscription");
    }
}

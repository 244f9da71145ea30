package io.hookgate.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.api.ProblemException;
import io.hookgate.ops.OperationsPublisher;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * PATCH of a subscription. A new URL, or re-activation, is verified (egress + handshake) against the URL
 * the row will have; if that fails nothing is written, so the old URL and status stay in force. Disabling fails
 * the subscription's pending deliveries at once (SPEC §3).
 */
@ApplicationScoped
public class SubscriptionUpdater {

    /** Stored as disabled_reason when a caller disables a subscription. */
    static final String MANUAL = "manual";

    private final SubscriptionRepository repository;
    private final EndpointVerifier verifier;
    private final ChannelScope channelScope;
    private final OperationsPublisher operations;
    private final StatusChanges disabledSubscriptions;

    public SubscriptionUpdater(SubscriptionRepository repository, EndpointVerifier verifier,
            ChannelScope channelScope, OperationsPublisher operations, StatusChanges disabledSubscriptions) {
        this.repository = repository;
        this.verifier = verifier;
        this.channelScope = channelScope;
        this.operations = operations;
        this.disabledSubscriptions = disabledSubscriptions;
    }

    public Uni<SubscriptionView> patch(Principal caller, String idText, JsonNode body) {
        UUID id = SubscriptionService.parseId(idText);
        SubscriptionRules rules = new SubscriptionRules();
        SubscriptionPatch patch = validated(SubscriptionPatch.parse(body, rules), rules);
        Scope scope = Scope.of(caller);
        return repository.find(scope, id)
                .map(row -> row.orElseThrow(SubscriptionService::notFound))
                .invoke(row -> {
                    if (row.isPull() && patch.url() != null) {
                        throw ProblemException.badRequest("a pull subscription has no url");
                    }
                })
                .call(row -> checkChannels(caller, row, patch))
                .call(row -> verifyIfNeeded(row, patch))
                .chain(row -> repository.update(scope, id, changes(row, patch))
                        .map(updated -> updated.orElseThrow(SubscriptionService::notFound))
                        .invoke(updated -> announce(row, updated, patch)))
                .map(SubscriptionView::of);
    }

    private void announce(SubscriptionRow before, SubscriptionRow after, SubscriptionPatch patch) {
        if (needsVerification(before, patch)) {
            operations.fire("subscription.verified", after.id(), after.tenantId(), "challenge passed");
        }
        if (before.isActive() && !after.isActive()) {
            operations.fire("subscription.disabled", after.id(), after.tenantId(), MANUAL);
            disabledSubscriptions.disabled(after.id());
        } else if (!before.isActive() && after.isActive()) {
            disabledSubscriptions.activated(after.id());
        }
    }

    private static SubscriptionPatch validated(SubscriptionPatch p, SubscriptionRules rules) {
        rules.throwIfInvalid();
        rules.expireAfter(p.expireAfter());
        SubscriptionPatch clean = new SubscriptionPatch(
                p.url() == null ? null : rules.url(p.url()),
                p.eventTypes() == null ? null : rules.eventTypes(p.eventTypes()),
                p.channelsSet(), rules.channels(p.channels()),
                p.descriptionSet(), rules.description(p.description()),
                p.format() == null ? null : rules.format(p.format()),
                p.status() == null ? null : rules.status(p.status()),
                p.expireAfterSet(), p.expireAfter());
        rules.throwIfInvalid();
        return clean;
    }

    private Uni<Void> checkChannels(Principal caller, SubscriptionRow row, SubscriptionPatch patch) {
        if (!patch.channelsSet() || patch.channels() == null) {
            return Uni.createFrom().voidItem();
        }
        return channelScope.of(caller, row.tenantId())
                .invoke(tenant -> ChannelScope.require(tenant, patch.channels()))
                .replaceWithVoid();
    }

    private Uni<Void> verifyIfNeeded(SubscriptionRow row, SubscriptionPatch patch) {
        return needsVerification(row, patch) ? verifier.verify(newUrl(row, patch)) : Uni.createFrom().voidItem();
    }

    private static boolean needsVerification(SubscriptionRow row, SubscriptionPatch patch) {
        if (row.isPull()) {
            return false; // nothing to verify: no url (SPEC 11)
        }
        boolean urlChanges = patch.url() != null && !patch.url().equals(row.url());
        return urlChanges || reactivates(row, patch);
    }

    private static boolean reactivates(SubscriptionRow row, SubscriptionPatch patch) {
        return SubscriptionStatus.ACTIVE.value().equals(patch.status()) && !row.isActive();
    }

    private static String newUrl(SubscriptionRow row, SubscriptionPatch patch) {
        return patch.url() != null ? patch.url() : row.url();
    }

    private static SubscriptionChanges changes(SubscriptionRow row, SubscriptionPatch patch) {
        SubscriptionChanges changes = new SubscriptionChanges();
        if (patch.url() != null && !patch.url().equals(row.url())) {
            changes.url(patch.url());
        }
        if (patch.eventTypes() != null) {
            changes.eventTypes(patch.eventTypes());
        }
        if (patch.channelsSet()) {
            changes.channels(patch.channels());
        }
        if (patch.format() != null) {
            changes.format(SubscriptionFormat.of(patch.format()).orElseThrow());
        }
        if (patch.descriptionSet()) {
            changes.description(patch.description());
        }
        if (patch.expireAfterSet()) {
            changes.expireAfter(new SubscriptionRules().expireAfter(patch.expireAfter()));
        }
        if (reactivates(row, patch)) {
            changes.activate();
        } else if (SubscriptionStatus.DISABLED.value().equals(patch.status()) && row.isActive()) {
            changes.disable(MANUAL);
        }
        return changes;
    }
}

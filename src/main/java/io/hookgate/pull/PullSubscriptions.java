package io.hookgate.pull;

import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.subscription.Scope;
import io.hookgate.subscription.SubscriptionLookup;
import io.hookgate.subscription.SubscriptionRow;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the pull subscription a pull endpoint names, within the caller's tenant (another tenant's: 404). Every read
 * and re-poll comes here, so it uses the session-free {@link SubscriptionLookup}.
 */
@ApplicationScoped
public class PullSubscriptions {

    private final SubscriptionLookup subscriptions;
    private final PullStatementGate gate;

    public PullSubscriptions(SubscriptionLookup subscriptions, PullStatementGate gate) {
        this.subscriptions = subscriptions;
        this.gate = gate;
    }

    /** The pull subscription as stored now; empty once it is deleted (or not a pull one). */
    public Uni<Optional<SubscriptionRow>> current(SubscriptionRow known) {
        return gate.run(known.tenantId(), () -> subscriptions.find(Scope.all(), known.id()))
                .map(found -> found.filter(SubscriptionRow::isPull));
    }

    /** The subscription, or 404; a push subscription is 409, since it has no messages to read. */
    public Uni<SubscriptionRow> find(Principal caller, String idText) {
        UUID id = PathIds.uuid(idText, "subscription");
        return gate.run(owner(caller), () -> subscriptions.find(Scope.of(caller), id)).map(found -> {
            SubscriptionRow row = found.orElseThrow(() -> ProblemException.notFound("subscription"));
            if (!row.isPull()) {
                throw new ProblemException(409, "push-subscription", "Conflict",
                        "this is a push subscription: its events are POSTed to its url, not stored for pulling");
            }
            return row;
        });
    }

    // the admin key takes its turn like one more tenant
    private static Object owner(Principal caller) {
        return caller instanceof Principal.Tenant tenant ? tenant.tenantId() : Principal.Admin.class;
    }
}

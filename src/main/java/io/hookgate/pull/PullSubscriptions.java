package io.hookgate.pull;

import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.subscription.Scope;
import io.hookgate.subscription.SubscriptionRepository;
import io.hookgate.subscription.SubscriptionRow;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Finds the pull subscription a pull endpoint names, within the caller's tenant (another tenant's: 404). */
@ApplicationScoped
public class PullSubscriptions {

    private final SubscriptionRepository subscriptions;

    public PullSubscriptions(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The subscription, or 404; a push subscription is 409, since it has no messages to read. */
    public Uni<SubscriptionRow> find(Principal caller, String idText) {
        UUID id = PathIds.uuid(idText, "subscription");
        return subscriptions.find(Scope.of(caller), id).map(found -> {
            SubscriptionRow row = found.orElseThrow(() -> ProblemException.notFound("subscription"));
            if (!row.isPull()) {
                throw new ProblemException(409, "push-subscription", "Conflict",
                        "this is a push subscription: its events are POSTed to its url, not stored for pulling");
            }
            return row;
        });
    }
}

package io.hookgate.pull.consumer;

import io.hookgate.api.ProblemException;
import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullParams;
import io.hookgate.pull.PullStore;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.subscription.SubscriptionRow;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Named consumers of a pull subscription: commit, list with lag, delete, and the cursor a read starts after. */
@ApplicationScoped
public class Consumers {

    /** Consumers per subscription; the listing returns them all, so it must stay small. */
    public static final int MAX_PER_SUBSCRIPTION = 100;

    private final PullConsumerRepository repository;
    private final PullSubscriptions subscriptions;
    private final PullStore store;

    public Consumers(PullConsumerRepository repository, PullSubscriptions subscriptions, PullStore store) {
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.store = store;
    }

    public Uni<ConsumerView> commit(Principal caller, String id, String nameText, CommitRequest request) {
        String name = PullParams.consumerName(nameText);
        PullCursor cursor = PullParams.requiredCursor(request == null ? null : request.cursor(), "cursor");
        return subscriptions.find(caller, id).chain(sub -> repository.commit(sub.id(), name, cursor.wire(),
                        MAX_PER_SUBSCRIPTION)
                .chain(row -> views(sub, List.of(row))).map(views -> views.get(0)));
    }

    public Uni<ConsumerList> list(Principal caller, String id) {
        return subscriptions.find(caller, id).chain(sub -> repository.all(sub.id(), MAX_PER_SUBSCRIPTION)
                .chain(rows -> views(sub, rows))).map(ConsumerList::new);
    }

    public Uni<Void> delete(Principal caller, String id, String nameText) {
        String name = PullParams.consumerName(nameText);
        return subscriptions.find(caller, id).chain(sub -> repository.remove(sub.id(), name)).invoke(removed -> {
            if (!removed) {
                throw ProblemException.notFound("consumer");
            }
        }).replaceWithVoid();
    }

    /** Where a read with {@code consumer=name} starts: after its committed cursor; a new consumer at the oldest. */
    public Uni<Optional<PullCursor>> position(SubscriptionRow subscription, String nameText) {
        String name = PullParams.consumerName(nameText);
        return repository.find(subscription.id(), name)
                .map(row -> row.flatMap(r -> PullCursor.parse(r.cursor())));
    }

    private Uni<List<ConsumerView>> views(SubscriptionRow sub, List<PullConsumerEntity> rows) {
        Map<String, PullCursor> cursors = new LinkedHashMap<>();
        rows.forEach(r -> cursors.put(r.name(), PullCursor.parse(r.cursor()).orElse(PullCursor.START)));
        return store.lag(sub.tenantId(), sub.id(), cursors).map(lag -> rows.stream()
                .map(r -> new ConsumerView(r.name(), r.cursor(), lag.getOrDefault(r.name(), 0L), r.updatedAt()))
                .toList());
    }
}

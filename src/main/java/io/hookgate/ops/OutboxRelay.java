package io.hookgate.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes the outbox: claims due rows (leased, so replicas never send the same row at once), hands each kind to
 * its {@link OutboxSender}, and settles every row on its own: deleted when its send succeeded, retried with
 * backoff when it failed, parked after {@code max-attempts} sends the broker refused for the record itself.
 * A full round is followed by the next at once, so rows beyond the first page are reached in the same wake-up.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRepository repository;
    private final Instance<OutboxSender> senders;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final Vertx vertx;
    private Map<String, OutboxSender> byKind;
    private boolean running;
    private boolean again;

    public OutboxRelay(OutboxRepository repository, Instance<OutboxSender> senders, OutboxConfig config,
            OutboxMetrics metrics, Vertx vertx) {
        if (config.batchSize() < 1 || config.maxAttempts() < 1 || config.pollInterval().isNegative()
                || config.pollInterval().isZero() || config.lease().compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("hookgate.outbox: batch-size and max-attempts must be at least 1,"
                    + " poll-interval positive and lease at least 1m");
        }
        this.repository = repository;
        this.senders = senders;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(1_000, config.pollInterval().toMillis(), id -> wake());
    }

    /** Runs a round now (or right after the current one): new rows were committed. */
    public synchronized void wake() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        round();
    }

    private void round() {
        repository.claim(config.batchSize(), config.lease())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publish(rows).replaceWith(rows.size()))
                .subscribe().with(n -> finished(n >= config.batchSize()), e -> {
                    Log.debugf("outbox round failed, the next poll retries: %s", e.toString());
                    finished(false);
                });
    }

    private synchronized void finished(boolean full) {
        if (full || again) {
            again = false;
            round();
        } else {
            running = false;
        }
    }

    private Uni<Void> publish(List<OutboxRow> rows) {
        Map<Long, OutboxRow> byId = rows.stream().collect(Collectors.toMap(OutboxRow::id, Function.identity()));
        Map<String, List<OutboxRow>> groups = rows.stream()
                .collect(Collectors.groupingBy(OutboxRow::kind, LinkedHashMap::new, Collectors.toList()));
        List<Uni<List<OutboxResult>>> sends = new ArrayList<>();
        groups.forEach((kind, group) -> sends.add(sendGroup(kind, group)));
        return Uni.join().all(sends).andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream).toList())
                .chain(results -> settle(results, byId));
    }

    private Uni<List<OutboxResult>> sendGroup(String kind, List<OutboxRow> group) {
        OutboxSender sender = senders().get(kind);
        if (sender == null) {
            return Uni.createFrom().item(group.stream()
                    .<OutboxResult>map(r -> new OutboxResult.Failed(r.id(), "no sender for kind " + kind, true)).toList());
        }
        return Uni.createFrom().deferred(() -> sender.send(group))
                .onFailure().recoverWithItem(e -> group.stream()
                        .<OutboxResult>map(r -> new OutboxResult.Failed(r.id(), e.toString(), false)).toList());
    }

    private Uni<Void> settle(List<OutboxResult> results, Map<Long, OutboxRow> byId) {
        List<Long> done = new ArrayList<>();
        List<OutboxRepository.Failure> failures = new ArrayList<>();
        for (OutboxResult result : results) {
            OutboxRow row = byId.get(result.id());
            if (result instanceof OutboxResult.Failed f) {
                OutboxRepository.Failure failure = OutboxPolicy.afterFailure(row, f, config.maxAttempts());
                failures.add(failure);
                metrics.failed(row.kind(), f.recordProblem(), failure.park());
                if (failure.park()) {
                    Log.errorf("outbox row %d (%s for subscription %s) parked after %d refused sends: %s", row.id(),
                            row.kind(), row.subscriptionId(), row.recordFailures() + 1, f.error());
                }
            } else {
                done.add(result.id());
                if (result instanceof OutboxResult.Sent) {
                    metrics.published(row.kind());
                }
            }
        }
        return repository.done(done).chain(() -> repository.failed(failures));
    }

    private synchronized Map<String, OutboxSender> senders() {
        if (byKind == null) {
            byKind = new LinkedHashMap<>();
            senders.forEach(s -> byKind.put(s.kind(), s));
        }
        return byKind;
    }
}

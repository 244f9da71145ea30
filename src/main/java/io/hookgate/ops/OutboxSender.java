package io.hookgate.ops;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** Publishes the outbox rows of one kind; {@link OutboxRelay} finds it by {@link #kind()}. */
public interface OutboxSender {

    /** The {@code outbox.kind} this sender publishes. */
    String kind();

    /** Sends every row independently; the item has one result per row. Never fails as a whole. */
    Uni<List<OutboxResult>> send(List<OutboxRow> rows);
}

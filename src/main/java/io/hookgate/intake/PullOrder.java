package io.hookgate.intake;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps pull messages in Kafka order although batches are stored concurrently ({@link BatchPipeline}): a pull
 * message's cursor is its transaction's order (docs/DESIGN.md, "Pull messages"), so a batch that stores pull
 * messages starts its statement only after every earlier batch finished. Batches without pull messages do not
 * wait, and only pass the turn on. Tickets are taken in the order the runtime hands batches over.
 */
final class PullOrder {

    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    /** One batch's place in the order. */
    static final class Ticket {
        private final CompletableFuture<Void> previous;
        private final CompletableFuture<Void> own = new CompletableFuture<>();

        private Ticket(CompletableFuture<Void> previous) {
            this.previous = previous;
        }

        /** Completes once every earlier batch has finished. */
        Uni<Void> turn() {
            return Uni.createFrom().completionStage(previous);
        }

        /** This batch's stores are finished (stored, failed or cancelled); calling it again does nothing. */
        void done() {
            own.complete(null);
        }
    }

    /** The next batch's ticket; its turn passes on once it and all earlier batches are done. */
    synchronized Ticket next() {
        Ticket ticket = new Ticket(last);
        last = ticket.previous.thenCombine(ticket.own, (a, b) -> null);
        return ticket;
    }
}

package io.hookgate.ops;

/** What became of one outbox row's send (a closed set). */
public sealed interface OutboxResult {

    long id();

    /** The broker acknowledged the record: the row is done. */
    record Sent(long id) implements OutboxResult {
    }

    /** What the record reports no longer exists (its delivery was deleted with its subscription): nothing to send. */
    record Gone(long id) implements OutboxResult {
    }

    /**
     * Not sent. {@code recordProblem} is true when the record itself can never be written (too large, not
     * renderable); such failures count towards parking, while outages are only waited out.
     */
    record Failed(long id, String error, boolean recordProblem) implements OutboxResult {
    }
}

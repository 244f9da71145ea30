package io.hookgate.intake;

import io.vertx.pgclient.PgException;
import java.time.DateTimeException;

/**
 * Classifies a failed store statement (pure). Connection, serialization (40001), deadlock (40P01), resource (53),
 * shutdown and cancellation (57) errors, and anything unknown, heal by waiting: the batch is retried as it is.
 * Data and integrity errors (SQLSTATE classes 22 and 23) come from a record's values and would fail forever:
 * the batch is split until the offending record is alone and dead-lettered.
 */
final class StoreErrors {

    /** What to do about a failed store. */
    enum Kind {
        /** Retry the same batch with backoff. */
        TRANSIENT,
        /** Some record's data: isolate and dead-letter it. */
        REJECTED
    }

    /** A subscription or event deleted under the batch: matching the batch again heals it. */
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private StoreErrors() {
    }

    static Kind classify(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof PgException pg) {
                return rejects(pg.getSqlState()) ? Kind.REJECTED : Kind.TRANSIENT;
            }
            // the client could not even encode a value (an instant PostgreSQL's binary format cannot carry)
            if (e instanceof ArithmeticException || e instanceof DateTimeException) {
                return Kind.REJECTED;
            }
        }
        return Kind.TRANSIENT;
    }

    static boolean rejects(String sqlState) {
        if (sqlState == null || FOREIGN_KEY_VIOLATION.equals(sqlState)) {
            return false;
        }
        return sqlState.startsWith("22") || sqlState.startsWith("23");
    }

    /** The reason detail of a rejected record: SQLSTATE and PostgreSQL's message, never a stack trace. */
    static String detail(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof PgException pg) {
                return "the database rejected the record: SQLSTATE " + pg.getSqlState() + " " + pg.getErrorMessage();
            }
        }
        return "the database client could not encode the record: " + failure.getClass().getSimpleName();
    }
}

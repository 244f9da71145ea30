package io.hookgate.inbound.routes;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.JDBCException;

/** Recognises PostgreSQL's foreign-key violation however Hibernate Reactive wraps it. */
final class ForeignKeys {

    private static final String VIOLATION = "23503";

    private ForeignKeys() {
    }

    /** True if {@code failure} or one of its causes is a foreign-key violation. */
    static boolean violated(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String state = e instanceof PgException pg ? pg.getSqlState()
                    : e instanceof JDBCException jdbc ? jdbc.getSQLState()
                    : e instanceof SQLException sql ? sql.getSQLState() : null;
            if (VIOLATION.equals(state)) {
                return true;
            }
        }
        return false;
    }
}

package io.hookgate.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads delivery rows straight from PostgreSQL, where the API would page or hide what a test must see. */
public final class DeliveryRows {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private DeliveryRows() {
    }

    /** {@code status -> count} of the subscription's deliveries. */
    public static Map<String, Long> byStatus(Pool pool, String subscriptionId) {
        Map<String, Long> out = new TreeMap<>();
        for (Row row : pool.preparedQuery("SELECT status, count(*) AS n FROM deliveries WHERE subscription_id = $1"
                + " GROUP BY status").execute(Tuple.of(UUID.fromString(subscriptionId))).await().atMost(WAIT)) {
            out.put(row.getString("status"), row.getLong("n"));
        }
        return out;
    }

    /** {@code status/last_error -> count} of the subscription's deliveries. */
    public static Map<String, Long> byStatusAndError(Pool pool, String subscriptionId) {
        Map<String, Long> out = new TreeMap<>();
        for (Row row : pool.preparedQuery("SELECT status || '/' || coalesce(last_error, '-') AS k, count(*) AS n"
                + " FROM deliveries WHERE subscription_id = $1 GROUP BY 1")
                .execute(Tuple.of(UUID.fromString(subscriptionId))).await().atMost(WAIT)) {
            out.put(row.getString("k"), row.getLong("n"));
        }
        return out;
    }

    /** {@code error -> count} over every attempt of the subscription's deliveries ({@code -} for none). */
    public static Map<String, Long> attemptErrors(Pool pool, String subscriptionId) {
        Map<String, Long> out = new TreeMap<>();
        for (Row row : pool.preparedQuery("SELECT coalesce(a.error, '-') AS e, count(*) AS n FROM attempts a"
                + " JOIN deliveries d ON d.id = a.delivery_id WHERE d.subscription_id = $1 GROUP BY 1")
                .execute(Tuple.of(UUID.fromString(subscriptionId))).await().atMost(WAIT)) {
            out.put(row.getString("e"), row.getLong("n"));
        }
        return out;
    }

    public static long pending(Pool pool, String subscriptionId) {
        return byStatus(pool, subscriptionId).getOrDefault("pending", 0L);
    }
}

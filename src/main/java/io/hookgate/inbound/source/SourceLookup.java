package io.hookgate.inbound.source;

import io.hookgate.inbound.SourceType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ingest endpoint's source lookup: one prepared statement on the reactive pool per request, by primary key and
 * across tenants (the sender has no API key; the source id is the address). Exact SQL rather than a Panache session
 * because it runs per inbound request (docs/DESIGN.md, "Two data-access styles"; the cost is measured there).
 */
@ApplicationScoped
public class SourceLookup {

    private static final String SQL = "SELECT id, tenant_id, type, name, allow_cidrs, hmac, channels,"
            + " secret_key_version, secret_ciphertext, previous_key_version, previous_ciphertext,"
            + " previous_expires_at, created_at, updated_at FROM inbound_sources WHERE id = $1";

    private final Pool pool;

    public SourceLookup(Pool pool) {
        this.pool = pool;
    }

    /** The source with this id, of any tenant. */
    public Uni<Optional<SourceRow>> find(UUID id) {
        return pool.preparedQuery(SQL).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    private static SourceRow map(Row row) {
        Buffer previous = row.getBuffer("previous_ciphertext");
        Object hmac = row.getValue("hmac");
        return new SourceRow(row.getUUID("id"), row.getUUID("tenant_id"),
                SourceType.fromWire(row.getString("type")).orElseThrow(), row.getString("name"),
                list(row.getArrayOfStrings("allow_cidrs")),
                HmacJson.fromJson(hmac instanceof JsonObject json ? json : null),
                list(row.getArrayOfStrings("channels")), row.getInteger("secret_key_version"),
                row.getBuffer("secret_ciphertext").getBytes(), row.getInteger("previous_key_version"),
                previous == null ? null : previous.getBytes(), instant(row, "previous_expires_at"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static List<String> list(String[] array) {
        return array == null ? null : Arrays.asList(array);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

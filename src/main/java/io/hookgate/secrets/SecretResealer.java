package io.hookgate.secrets;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Re-encrypts every stored secret (current and previous slot) of every {@link SealedTable}, subscriptions and
 * inbound sources, under the current master-key version, so older master keys can be retired ({@code hookgate.secrets.reseal-on-start}; SPEC 10). Batches of rows are
 * locked with SKIP LOCKED and rewritten in one transaction each, walking the table by id: idempotent, bounded, and
 * safe while other replicas do the same or rotate secrets.
 */
@ApplicationScoped
public class SecretResealer {

    static final int BATCH = 100;
    // PostgreSQL orders uuids by their unsigned bytes: the nil uuid sorts first
    private static final UUID BEFORE_ALL = new UUID(0, 0);
    private static final String OUTDATED = """
            (secret_key_version <> $1 OR (previous_ciphertext IS NOT NULL AND previous_key_version <> $1))""";
    private static final String LOCK = """
            SELECT id, secret_key_version, secret_ciphertext, previous_key_version, previous_ciphertext
              FROM %s WHERE id > $2 AND %s ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED""";
    private static final String WRITE = """
            UPDATE %s s
               SET secret_key_version = u.cv, secret_ciphertext = u.cc, previous_key_version = u.pv,
                   previous_ciphertext = u.pc
              FROM unnest($1::uuid[], $2::int[], $3::bytea[], $4::int[], $5::bytea[]) AS u(id, cv, cc, pv, pc)
             WHERE s.id = u.id""";
    private static final String REMAINING = "SELECT count(*) FROM %s WHERE " + OUTDATED;

    private final Pool pool;
    private final SecretCipher cipher;
    private final SecretsConfig config;

    public SecretResealer(Pool pool, SecretCipher cipher, SecretsConfig config) {
        this.pool = pool;
        this.cipher = cipher;
        this.config = config;
    }

    /** Counts of one reseal run: rows rewritten, rows that could not be opened (their key is not configured). */
    public record Resealed(long rows, long unopenable, long remaining) {
    }

    void start(@Observes StartupEvent event) {
        if (!config.resealOnStart()) {
            return;
        }
        Log.infof("resealing stored secrets under master key version %d", cipher.currentKeyVersion());
        resealAll().subscribe().with(r -> Log.infof("secrets resealed: %d rows rewritten, %d could not be opened;"
                        + " %d left under older master keys%s", r.rows(), r.unopenable(), r.remaining(),
                        r.remaining() == 0 ? ": the older keys can be removed from previous-master-keys" : ""),
                e -> Log.errorf("resealing secrets failed; restart with reseal-on-start to resume: %s", e.toString()));
    }

    /** Reseals every outdated row of every sealed table, batch by batch; completes with the summed counts. */
    public Uni<Resealed> resealAll() {
        Uni<Resealed> all = Uni.createFrom().item(new Resealed(0, 0, 0));
        for (SealedTable table : SealedTable.values()) {
            all = all.chain(sofar -> reseal(table).map(r -> new Resealed(sofar.rows() + r.rows(),
                    sofar.unopenable() + r.unopenable(), sofar.remaining() + r.remaining())));
        }
        return all;
    }

    private Uni<Resealed> reseal(SealedTable table) {
        return next(table, BEFORE_ALL, new Resealed(0, 0, 0)).chain(done -> pool
                .preparedQuery(REMAINING.formatted(table.table())).execute(Tuple.of(cipher.currentKeyVersion()))
                .map(rows -> new Resealed(done.rows(), done.unopenable(), rows.iterator().next().getLong(0))));
    }

    private Uni<Resealed> next(SealedTable table, UUID after, Resealed sofar) {
        return pool.withTransaction(conn -> batch(conn, table, after)).chain(batch -> {
            Resealed total = new Resealed(sofar.rows() + batch.written, sofar.unopenable() + batch.unopenable, 0);
            return batch.seen < BATCH ? Uni.createFrom().item(total) : next(table, batch.last, total);
        });
    }

    private Uni<Batch> batch(SqlConnection conn, SealedTable table, UUID after) {
        int version = cipher.currentKeyVersion();
        return conn.preparedQuery(LOCK.formatted(table.table(), OUTDATED)).execute(Tuple.of(version, after, BATCH))
                .chain(rows -> {
            Batch batch = new Batch(after);
            List<Object[]> updates = new ArrayList<>();
            for (Row row : rows) {
                batch.seen++;
                batch.last = row.getUUID("id");
                try {
                    updates.add(resealed(table, row, version));
                } catch (SecretCipherException e) {
                    batch.unopenable++;
                    Log.errorf("secret of %s row %s cannot be opened: %s", table.table(), batch.last, e.getMessage());
                }
            }
            batch.written = updates.size();
            return updates.isEmpty() ? Uni.createFrom().item(batch)
                    : conn.preparedQuery(WRITE.formatted(table.table())).execute(arguments(updates)).replaceWith(batch);
        });
    }

    private Object[] resealed(SealedTable table, Row row, int version) {
        UUID id = row.getUUID("id");
        SecretCipher.Sealed current = reseal(row.getInteger("secret_key_version"),
                row.getBuffer("secret_ciphertext").getBytes(), table.currentAad(id));
        Buffer previousBlob = row.getBuffer("previous_ciphertext");
        SecretCipher.Sealed previous = previousBlob == null ? null : reseal(row.getInteger("previous_key_version"),
                previousBlob.getBytes(), table.previousAad(id));
        return new Object[] {id, current.keyVersion(), Buffer.buffer(current.blob()),
            previous == null ? row.getInteger("previous_key_version") : Integer.valueOf(version),
            previous == null ? null : Buffer.buffer(previous.blob())};
    }

    private SecretCipher.Sealed reseal(int version, byte[] blob, String aad) {
        if (version == cipher.currentKeyVersion()) {
            return new SecretCipher.Sealed(version, blob);
        }
        return cipher.seal(cipher.open(version, blob, aad), aad);
    }

    private static Tuple arguments(List<Object[]> updates) {
        int n = updates.size();
        UUID[] ids = new UUID[n];
        Integer[] currentVersions = new Integer[n];
        io.vertx.core.buffer.Buffer[] current = new io.vertx.core.buffer.Buffer[n];
        Integer[] previousVersions = new Integer[n];
        io.vertx.core.buffer.Buffer[] previous = new io.vertx.core.buffer.Buffer[n];
        for (int i = 0; i < n; i++) {
            Object[] u = updates.get(i);
            ids[i] = (UUID) u[0];
            currentVersions[i] = (Integer) u[1];
            current[i] = ((Buffer) u[2]).getDelegate();
            previousVersions[i] = (Integer) u[3];
            previous[i] = u[4] == null ? null : ((Buffer) u[4]).getDelegate();
        }
        // bytea[] parameters take the core Buffer type
        return Tuple.tuple().addArrayOfUUID(ids).addArrayOfInteger(currentVersions).addValue(current)
                .addArrayOfInteger(previousVersions).addValue(previous);
    }

    /** One locked batch: rows seen, rewritten and unopenable, and where the next batch starts. */
    private static final class Batch {
        private int seen;
        private int written;
        private int unopenable;
        private UUID last;

        Batch(UUID after) {
            this.last = after;
        }
    }
}

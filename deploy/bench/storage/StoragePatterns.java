import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What PostgreSQL spends per delivery on each way of storing it (issue 16's "fewer writes per delivery"), measured
 * on the gateway's own schema with its own statements (read from its classes), without the gateway: one
 * connection, rounds of 50 events x 2 subscriptions, 1 KiB payloads, every delivery a first-attempt success.
 * PostgreSQL CPU is the postmaster's own, its children's and its reaped children's (autovacuum included).
 *
 * Run by deploy/bench/storage/run against the packaged jar's classpath; prints one line per pattern and round.
 */
public final class StoragePatterns {

    static final int EVENTS = 50;
    static final int FAN_OUT = 2;
    static final SecureRandom RANDOM = new SecureRandom();
    static final String PAYLOAD = "x".repeat(1024);
    static final UUID TENANT = UUID.randomUUID();
    static final UUID[] SUBSCRIPTIONS = {UUID.randomUUID(), UUID.randomUUID()};
    static final String OWNER = "hookgate-storage-patterns";

    // a prototype, not in the gateway: the delivery row written once, final, with its attempt
    static final String WRITE_ONCE = """
            WITH u AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[],
                                            $6::timestamptz[], $7::timestamptz[], $8::int[], $9::int[])
                         AS u(id, event_id, subscription_id, tenant_id, event_type, source_at, at, code, latency)),
            d AS (INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, attempts,
                                          cycle_attempts, next_attempt_at, source_at, first_attempt_at,
                                          last_attempt_at, delivered_at, last_status_code)
                  SELECT id, event_id, subscription_id, tenant_id, event_type, 'delivered', 1, 1, at, source_at,
                         at, at, at, code FROM u
                  ON CONFLICT (event_id, subscription_id) DO NOTHING
                  RETURNING id, first_attempt_at, last_status_code)
            INSERT INTO attempts (delivery_id, n, at, status_code, latency_ms)
            SELECT id, 1, first_attempt_at, last_status_code, 0 FROM d""";

    // the same without the attempt row: the first attempt kept in the delivery row itself
    static final String WRITE_ONCE_INLINE = """
            INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, attempts,
                                    cycle_attempts, next_attempt_at, source_at, first_attempt_at, last_attempt_at,
                                    delivered_at, last_status_code)
            SELECT id, event_id, subscription_id, tenant_id, event_type, 'delivered', 1, 1, at, source_at, at, at,
                   at, code
              FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[],
                          $7::timestamptz[], $8::int[], $9::int[])
                   AS u(id, event_id, subscription_id, tenant_id, event_type, source_at, at, code, latency)
            ON CONFLICT (event_id, subscription_id) DO NOTHING""";

    enum Pattern { LEASED_AT_STORE, TOPPED_UP, WRITE_ONCE, WRITE_ONCE_INLINE }

    final SqlClient db;
    final String enqueue;
    final String topUp;
    final String claimSettings;
    final String write;
    final long postmaster;

    StoragePatterns(SqlClient db, long postmaster) throws Exception {
        this.db = db;
        this.postmaster = postmaster;
        this.enqueue = constant("io.hookgate.delivery.DeliveryStore", "ENQUEUE");
        this.topUp = constant("io.hookgate.delivery.DeliveryQueue", "TOP_UP");
        this.claimSettings = constant("io.hookgate.delivery.DeliveryQueue", "CLAIM_SETTINGS");
        this.write = constant("io.hookgate.delivery.OutcomeWriter", "WRITE");
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(args[1], "postmaster.pid")).get(0).trim());
        int rounds = Integer.parseInt(args[2]);
        List<Pattern> order = new ArrayList<>();
        for (String p : args[3].split(",")) {
            order.add(Pattern.valueOf(p));
        }
        Vertx vertx = Vertx.vertx();
        PgPool pool = PgPool.pool(vertx, PgConnectOptions.fromUri(url), new PoolOptions().setMaxSize(1));
        try {
            StoragePatterns bench = new StoragePatterns(pool, postmaster);
            bench.setUp();
            for (Pattern p : order) {
                bench.reset();
                bench.run(p, rounds / 5, false);
                // planned on statistics of a table in use, as in production (not on an empty one)
                bench.exec("ANALYZE events, deliveries, attempts", Tuple.tuple());
                bench.run(p, rounds, true);
            }
        } finally {
            pool.close().toCompletionStage().toCompletableFuture().get();
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    void setUp() throws Exception {
        exec("DELETE FROM subscriptions WHERE tenant_id = $1", Tuple.of(TENANT));
        exec("INSERT INTO tenants (id, name, channels) VALUES ($1, 'storage-patterns', '{*}') ON CONFLICT DO NOTHING",
                Tuple.of(TENANT));
        for (UUID s : SUBSCRIPTIONS) {
            exec("""
                    INSERT INTO subscriptions (id, tenant_id, url, event_types, format, status, secret_key_version,
                                               secret_ciphertext)
                    VALUES ($1, $2, 'http://127.0.0.1:1/x', '{chat.message}', 'standard', 'active', 1, '\\x00')""",
                    Tuple.of(s, TENANT));
        }
    }

    void reset() throws Exception {
        exec("TRUNCATE attempts, deliveries, pull_messages, events CASCADE", Tuple.tuple());
    }

    void run(Pattern pattern, int rounds, boolean report) throws Exception {
        long cpuBefore = postgresTicks();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            round(pattern);
        }
        long nanos = System.nanoTime() - start;
        long ticks = postgresTicks() - cpuBefore;
        if (report) {
            double deliveries = rounds * (double) (EVENTS * FAN_OUT);
            System.out.printf(Locale.ROOT, "%-18s deliveries=%d  postgres_cpu_ms_per_1000=%.1f  wall_ms_per_1000=%.1f%n",
                    pattern, (long) deliveries, ticks * 10 / deliveries * 1000, nanos / 1e6 / deliveries * 1000);
        }
    }

    void round(Pattern pattern) throws Exception {
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            eventIds.add(HexFormat.of().formatHex(bytes(32)));
        }
        UUID[] ids = new UUID[EVENTS * FAN_OUT];
        String[] deliveryEvents = new String[ids.length];
        UUID[] subs = new UUID[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
            deliveryEvents[i] = eventIds.get(i / FAN_OUT);
            subs[i] = SUBSCRIPTIONS[i % FAN_OUT];
        }
        switch (pattern) {
            case LEASED_AT_STORE -> {
                store(eventIds, ids, deliveryEvents, subs, true);
                outcomes(ids);
            }
            case TOPPED_UP -> {
                store(eventIds, ids, deliveryEvents, subs, false);
                RowSet<Row> leased = transaction(topUp, Tuple.of(ids.length).addArrayOfUUID(SUBSCRIPTIONS)
                        .addDouble(60.0).addString(OWNER));
                List<UUID> got = new ArrayList<>();
                leased.forEach(row -> got.add(row.getUUID("id")));
                outcomes(got.toArray(UUID[]::new));
            }
            case WRITE_ONCE, WRITE_ONCE_INLINE -> {
                store(eventIds, new UUID[0], new String[0], new UUID[0], false);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                exec(pattern == Pattern.WRITE_ONCE ? WRITE_ONCE : WRITE_ONCE_INLINE, Tuple.tuple()
                        .addArrayOfUUID(ids).addArrayOfString(deliveryEvents).addArrayOfUUID(subs)
                        .addArrayOfUUID(filled(new UUID[ids.length], TENANT))
                        .addArrayOfString(filled(new String[ids.length], "chat.message"))
                        .addArrayOfOffsetDateTime(filled(new OffsetDateTime[ids.length], now))
                        .addArrayOfOffsetDateTime(filled(new OffsetDateTime[ids.length], now))
                        .addArrayOfInteger(filled(new Integer[ids.length], 204))
                        .addArrayOfInteger(filled(new Integer[ids.length], 3)));
            }
        }
    }

    void store(List<String> eventIds, UUID[] ids, String[] deliveryEvents, UUID[] subs, boolean leased)
            throws Exception {
        int n = eventIds.size();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Tuple args = Tuple.tuple().addLong(version())
                .addArrayOfString(eventIds.toArray(String[]::new))
                .addArrayOfString(filled(new String[n], "chat.message"))
                .addArrayOfString(filled(new String[n], "room-1"))
                .addArrayOfOffsetDateTime(filled(new OffsetDateTime[n], now))
                .addArrayOfString(filled(new String[n], now.toString()))
                .addArrayOfString(filled(new String[n], PAYLOAD))
                .addArrayOfUUID(ids).addArrayOfString(deliveryEvents).addArrayOfUUID(subs)
                .addArrayOfUUID(filled(new UUID[ids.length], TENANT))
                .addArrayOfString(filled(new String[ids.length], "chat.message"))
                .addArrayOfOffsetDateTime(filled(new OffsetDateTime[ids.length], now))
                .addArrayOfBoolean(filled(new Boolean[ids.length], leased))
                .addDouble(60.0).addString(OWNER)
                .addArrayOfUUID(new UUID[0]).addArrayOfString(new String[0]).addArrayOfString(new String[0])
                .addArrayOfInteger(new Integer[0]);
        exec(enqueue, args);
    }

    void outcomes(UUID[] ids) throws Exception {
        int n = ids.length;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        exec(write, Tuple.tuple().addArrayOfUUID(ids).addArrayOfInteger(filled(new Integer[n], 1))
                .addArrayOfOffsetDateTime(filled(new OffsetDateTime[n], now))
                .addArrayOfInteger(filled(new Integer[n], 204)).addArrayOfInteger(filled(new Integer[n], 3))
                .addArrayOfString(new String[n]).addArrayOfString(new String[n])
                .addArrayOfString(filled(new String[n], "delivered"))
                .addArrayOfOffsetDateTime(new OffsetDateTime[n]).addString(OWNER));
    }

    long version() throws Exception {
        return exec("SELECT version FROM index_version", Tuple.tuple()).iterator().next().getLong(0);
    }

    RowSet<Row> exec(String sql, Tuple args) throws Exception {
        return db.preparedQuery(sql).execute(args).toCompletionStage().toCompletableFuture().get();
    }

    RowSet<Row> transaction(String sql, Tuple args) throws Exception {
        return ((PgPool) db).withTransaction(c -> c.query(claimSettings).execute()
                .compose(v -> c.preparedQuery(sql).execute(args))).toCompletionStage().toCompletableFuture().get();
    }

    /** utime + stime of the postmaster, its live children and its reaped children, in clock ticks. */
    long postgresTicks() throws Exception {
        long ticks = ticks(postmaster, true);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] f = stat(Long.parseLong(name));
                    if (f != null && Long.parseLong(f[3]) == postmaster) {
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                }
            }
        }
        return ticks;
    }

    static long ticks(long pid, boolean withReaped) {
        String[] f = stat(pid);
        long t = Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return withReaped ? t + Long.parseLong(f[15]) + Long.parseLong(f[16]) : t;
    }

    /** Fields of /proc/pid/stat with the command name removed, so index i is field i + 1. */
    static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String rest = s.substring(s.lastIndexOf(')') + 2);
            String[] tail = rest.split(" ");
            String[] f = new String[tail.length + 2];
            f[0] = Long.toString(pid);
            f[1] = "comm";
            System.arraycopy(tail, 0, f, 2, tail.length);
            return f;
        } catch (Exception e) {
            return null;
        }
    }

    static <T> T[] filled(T[] array, T value) {
        java.util.Arrays.fill(array, value);
        return array;
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String constant(String type, String name) throws Exception {
        Field f = Class.forName(type).getDeclaredField(name);
        f.setAccessible(true);
        return (String) f.get(null);
    }
}

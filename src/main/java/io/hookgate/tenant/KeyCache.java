package io.hookgate.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Active tenant keys recently read from the database, by key id, so a busy key costs no statement per request
 * (a long-polling client re-polls every few seconds). Pure policy, no I/O:
 * <ul>
 * <li>only keys found active are held, never a failed lookup, so a guessed key id is never remembered;</li>
 * <li>an entry is used for at most {@code ttl}: a key revoked (or a tenant changed or deleted) on another replica is
 * refused there within {@code ttl}; the replica that made the change forgets at once ({@link #forgetTenant});</li>
 * <li>a lookup that started before a forget is not stored ({@link #generation}), so a revocation racing an
 * authentication cannot leave the revoked key cached;</li>
 * <li>at most {@code maxKeys} entries: when full, expired ones go first, then any one.</li>
 * </ul>
 */
public final class KeyCache {

    private record Entry(ApiKeyRepository.ActiveKey key, Instant loadedAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final int maxKeys;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public KeyCache(Clock clock, Duration ttl, int maxKeys) {
        if (ttl.isNegative() || ttl.compareTo(AuthConfig.MAX_KEY_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("hookgate.auth.key-cache-ttl must be between 0 and "
                    + AuthConfig.MAX_KEY_CACHE_TTL.toSeconds() + "s");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("hookgate.auth.key-cache-size must be positive");
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxKeys = maxKeys;
    }

    /** The key as read less than {@code ttl} ago; empty when unknown or stale (then read the database). */
    public Optional<ApiKeyRepository.ActiveKey> fresh(String keyId) {
        Entry entry = entries.get(keyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (!isFresh(entry, clock.instant())) {
            entries.remove(keyId, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** Taken before a database lookup and handed to {@link #found}: a forget in between voids the result. */
    public long generation() {
        return generation.get();
    }

    /** A lookup that started at {@code generationAtStart} found the key active. */
    public void found(String keyId, ApiKeyRepository.ActiveKey key, long generationAtStart) {
        if (ttl.isZero() || generation.get() != generationAtStart) {
            return;
        }
        if (entries.size() >= maxKeys && !entries.containsKey(keyId)) {
            makeRoom();
        }
        entries.put(keyId, new Entry(key, clock.instant()));
        // a forget that ran while this entry was being put must still win
        if (generation.get() != generationAtStart) {
            entries.remove(keyId);
        }
    }

    /** A lookup found no active key with this id: drop whatever was held for it. */
    public void missing(String keyId) {
        entries.remove(keyId);
    }

    /** Forgets every key of the tenant (a key revoked, channels changed, tenant deleted); lookups in flight too. */
    public void forgetTenant(UUID tenantId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.key().tenantId().equals(tenantId));
    }

    /** Keys held now; for tests and diagnostics. */
    public int size() {
        return entries.size();
    }

    private boolean isFresh(Entry entry, Instant now) {
        Duration age = Duration.between(entry.loadedAt(), now);
        // a clock that stepped back must not stretch an entry's life
        return !age.isNegative() && age.compareTo(ttl) < 0;
    }

    private void makeRoom() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !isFresh(entry, now));
        Iterator<String> any = entries.keySet().iterator();
        while (entries.size() >= maxKeys && any.hasNext()) {
            any.next();
            any.remove();
        }
    }
}

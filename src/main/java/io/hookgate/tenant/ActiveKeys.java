package io.hookgate.tenant;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Active tenant keys for authentication: from {@link KeyCache} while fresh, else one database statement. Every
 * change that can take a key's rights away (revocation in {@link ApiKeyRepository}, a tenant's update or deletion in
 * {@link TenantRepository}) forgets the tenant's keys once it is written, so this replica refuses the key on its very
 * next request.
 */
@ApplicationScoped
public class ActiveKeys {

    private final ApiKeyRepository keys;
    private final KeyCache cache;
    private final AtomicLong lookups = new AtomicLong();

    public ActiveKeys(ApiKeyRepository keys, KeyCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** The active key with this id, if any. */
    public Uni<Optional<ApiKeyRepository.ActiveKey>> find(String keyId) {
        Optional<ApiKeyRepository.ActiveKey> cached = cache.fresh(keyId);
        if (cached.isPresent()) {
            return Uni.createFrom().item(cached);
        }
        long generation = cache.generation();
        lookups.incrementAndGet();
        return keys.findActive(keyId).invoke(found -> {
            if (found.isPresent()) {
                cache.found(keyId, found.get(), generation);
            } else {
                cache.missing(keyId);
            }
        });
    }

    /** Database lookups so far; for tests and diagnostics. */
    public long lookups() {
        return lookups.get();
    }
}

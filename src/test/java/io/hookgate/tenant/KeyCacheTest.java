package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private static final Duration TTL = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T20:00:00Z"));
    private final KeyCache cache = new KeyCache(clock, TTL, 3);

    private static ApiKeyRepository.ActiveKey key(UUID tenant) {
        return new ApiKeyRepository.ActiveKey(new byte[32], tenant, Set.of("*"));
    }

    @Test
    void aKeyFoundActiveIsServedFromMemoryUntilTheTtlEnds() {
        ApiKeyRepository.ActiveKey key = key(UUID.randomUUID());
        cache.found("k1", key, cache.generation());
        clock.advance(TTL.minusMillis(1));
        assertThat(cache.fresh("k1")).contains(key);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.fresh("k1")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void forgettingATenantDropsItsKeysAtOnceAndKeepsOtherTenantsKeys() {
        UUID revoked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        cache.found("a", key(revoked), cache.generation());
        cache.found("b", key(other), cache.generation());
        cache.forgetTenant(revoked);
        assertThat(cache.fresh("a")).isEmpty();
        assertThat(cache.fresh("b")).isPresent();
    }

    @Test
    void aLookupThatStartedBeforeAForgetIsNotStored() {
        UUID tenant = UUID.randomUUID();
        long before = cache.generation();
        // the lookup read the key as active, then the revocation committed and forgot the tenant
        cache.forgetTenant(tenant);
        cache.found("k1", key(tenant), before);
        assertThat(cache.fresh("k1")).isEmpty();
    }

    @Test
    void aMissingKeyIsDroppedAndNeverRemembered() {
        cache.found("k1", key(UUID.randomUUID()), cache.generation());
        cache.missing("k1");
        cache.missing("guessed");
        assertThat(cache.fresh("k1")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void holdsAtMostMaxKeysPreferringToDropExpiredOnes() {
        cache.found("old", key(UUID.randomUUID()), cache.generation());
        clock.advance(TTL);
        cache.found("b", key(UUID.randomUUID()), cache.generation());
        cache.found("c", key(UUID.randomUUID()), cache.generation());
        cache.found("d", key(UUID.randomUUID()), cache.generation());
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.fresh("b")).isPresent();
        cache.found("e", key(UUID.randomUUID()), cache.generation());
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.fresh("e")).isPresent();
    }

    @Test
    void aClockThatSteppedBackDoesNotStretchAnEntrysLife() {
        cache.found("k1", key(UUID.randomUUID()), cache.generation());
        clock.advance(Duration.ofHours(-1));
        assertThat(cache.fresh("k1")).isEmpty();
    }

    @Test
    void aZeroTtlCachesNothing() {
        KeyCache off = new KeyCache(clock, Duration.ZERO, 3);
        off.found("k1", key(UUID.randomUUID()), off.generation());
        assertThat(off.fresh("k1")).isEmpty();
    }

    @Test
    void refusesATtlLongerThanFiveSecondsOrNoRoom() {
        assertThatThrownBy(() -> new KeyCache(clock, Duration.ofSeconds(6), 3))
                .hasMessageContaining("hookgate.auth.key-cache-ttl");
        assertThatThrownBy(() -> new KeyCache(clock, Duration.ofSeconds(-1), 3))
                .hasMessageContaining("hookgate.auth.key-cache-ttl");
        assertThatThrownBy(() -> new KeyCache(clock, TTL, 0)).hasMessageContaining("hookgate.auth.key-cache-size");
    }
}

package io.hookgate.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Throttling of failed API authentication per client address, and key usage bookkeeping. */
@ConfigMapping(prefix = "hookgate.auth")
public interface AuthConfig {

    /** Failed authentications a client address may make in a burst before it gets 429. */
    @WithDefault("20")
    int failureBurst();

    /** Time in which a client's full failure allowance refills (20 per minute by default). */
    @WithDefault("1m")
    Duration failureRefill();

    /** Most client addresses tracked at once; the least recently seen is forgotten first. */
    @WithDefault("10000")
    int trackedClients();

    /** Longest allowed {@link #keyCacheTtl}: a revocation must reach every replica promptly. */
    Duration MAX_KEY_CACHE_TTL = Duration.ofSeconds(5);

    /** How long a replica reuses an active key it read (0: never); another replica's revocation waits this long. */
    @WithDefault("1s")
    Duration keyCacheTtl();

    /** Most tenant keys held in that cache at once. */
    @WithDefault("10000")
    int keyCacheSize();

    /** How often the last use of tenant keys is written: one batched statement per interval, never per request. */
    @WithDefault("1m")
    Duration lastUsedInterval();
}

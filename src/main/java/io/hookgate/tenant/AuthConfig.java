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

    /** How often the last use of tenant keys is written: one batched statement per interval, never per request. */
    @WithDefault("1m")
    Duration lastUsedInterval();
}

package io.hookgate.challenge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The URL ownership handshake run at registration and re-activation (SPEC section 6). */
@ConfigMapping(prefix = "hookgate.challenge")
public interface ChallengeConfig {

    /** Total time allowed for the challenge GET, from connect to the last byte read. */
    @WithDefault("10s")
    Duration timeout();
}

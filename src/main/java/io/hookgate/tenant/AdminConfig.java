package io.hookgate.tenant;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The operator's admin API key. */
@ConfigMapping(prefix = "hookgate.admin")
public interface AdminConfig {

    /** Admin API key (env HOOKGATE_ADMIN_API_KEY); no default, required in prod, at least 24 characters. */
    Optional<String> apiKey();
}

package io.hookgate.tenant;

import java.util.Optional;

/** What a production admin key must look like. */
public final class AdminKeyPolicy {

    /** Shortest admin key accepted in production. */
    public static final int MIN_LENGTH = 24;

    private AdminKeyPolicy() {
    }

    /** Why the configured key cannot be used in production, or empty when it can. */
    public static Optional<String> problem(Optional<String> key) {
        if (key.isEmpty() || key.get().isBlank()) {
            return Optional.of("HOOKGATE_ADMIN_API_KEY (hookgate.admin.api-key) is not set; "
                    + "production needs an admin key of at least " + MIN_LENGTH + " characters");
        }
        if (key.get().strip().length() < MIN_LENGTH) {
            return Optional.of("HOOKGATE_ADMIN_API_KEY (hookgate.admin.api-key) is shorter than " + MIN_LENGTH
                    + " characters; use a long random value, e.g. `openssl rand -base64 32`");
        }
        return Optional.empty();
    }
}

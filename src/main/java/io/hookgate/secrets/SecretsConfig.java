package io.hookgate.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Secrets at rest and signing-secret rotation ({@code hookgate.secrets.*}). */
@ConfigMapping(prefix = "hookgate.secrets")
public interface SecretsConfig {

    /**
     * AES-256 master key encrypting subscription secrets at rest: the base64 of exactly 32 bytes
     * (env {@code HOOKGATE_SECRETS_MASTER_KEY}; generate with {@code openssl rand -base64 32}).
     * No default: required in {@code %prod}, where the app refuses to start without it. In dev and test only,
     * a fixed, publicly known dev key (version 0) is used instead, with a WARN log.
     */
    Optional<String> masterKey();

    /** Version recorded with every ciphertext sealed under {@code master-key}; raise it when rotating the key. */
    @WithDefault("1")
    int masterKeyVersion();

    /**
     * Earlier master keys by version ({@code hookgate.secrets.previous-master-keys."1"=<base64>}), kept only to
     * open rows sealed before a master-key rotation. Empty by default.
     */
    Map<Integer, String> previousMasterKeys();

    /**
     * At start, re-encrypt every stored subscription secret under {@code master-key-version}, in the background and
     * in batches, so the keys in {@code previous-master-keys} can then be removed. Idempotent; safe on every
     * replica at once. The log says when no secret is left under an older key.
     */
    @WithDefault("false")
    boolean resealOnStart();

    /** How long a subscription's previous signing secret keeps signing after {@code rotate-secret}. */
    @WithDefault("24h")
    Duration rotationOverlap();
}

package io.hookgate.secrets;

import io.quarkus.runtime.LaunchMode;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link SecretsConfig} into the key ring of {@link SecretCipher}, refusing anything unsafe.
 *
 * <p>Without a configured master key, only dev and test modes proceed, and then with {@link #DEV_ONLY_KEY}: a
 * fixed, publicly known key under version {@link #DEV_ONLY_VERSION}, so rows sealed with it are recognisable and
 * can never be confused with rows sealed under a real key (real versions start at 1).
 */
public final class MasterKeys {

    /** Version under which the dev-only key seals; never valid for a configured key. */
    public static final int DEV_ONLY_VERSION = 0;

    /** PUBLIC, INSECURE key used only in dev and test mode when no master key is configured. */
    static final String DEV_ONLY_KEY = "aG9va2dhdGUtZGV2LW9ubHktSU5TRUNVUkUta2V5ISE=";

    private static final String KEY_PROPERTY = "hookgate.secrets.master-key";

    /** The resolved key ring; {@code devOnly} is true when the public dev key is in use. */
    public record Ring(int currentVersion, Map<Integer, byte[]> keysByVersion, boolean devOnly) {

        @Override
        public String toString() {
            return "Ring[currentVersion=" + currentVersion + ", versions=" + keysByVersion.keySet()
                    + ", devOnly=" + devOnly + "]";
        }
    }

    private MasterKeys() {
    }

    /**
     * Resolves and validates the master keys.
     *
     * @throws IllegalStateException with a message naming the property (never its value) when the key is
     *     missing in normal (production) mode, is not base64 of 32 bytes, or versions are inconsistent
     */
    public static Ring resolve(SecretsConfig config, LaunchMode mode) {
        Map<Integer, byte[]> keys = new HashMap<>();
        config.previousMasterKeys().forEach((version, encoded) -> keys.put(
                requireRealVersion(version, "hookgate.secrets.previous-master-keys"),
                decode(encoded, "hookgate.secrets.previous-master-keys.\"" + version + "\"")));
        Optional<String> configured = config.masterKey().filter(key -> !key.isBlank());
        if (configured.isEmpty()) {
            if (!mode.isDevOrTest()) {
                throw new IllegalStateException(KEY_PROPERTY + " (env HOOKGATE_SECRETS_MASTER_KEY) is required in"
                        + " production: set it to the base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
            }
            keys.put(DEV_ONLY_VERSION, decode(DEV_ONLY_KEY, "dev-only key"));
            return new Ring(DEV_ONLY_VERSION, Map.copyOf(keys), true);
        }
        int version = requireRealVersion(config.masterKeyVersion(), "hookgate.secrets.master-key-version");
        if (keys.containsKey(version)) {
            throw new IllegalStateException("hookgate.secrets.master-key-version " + version
                    + " is also listed in hookgate.secrets.previous-master-keys; give the new key a new version");
        }
        keys.put(version, decode(configured.get(), KEY_PROPERTY));
        return new Ring(version, Map.copyOf(keys), false);
    }

    private static int requireRealVersion(int version, String property) {
        if (version < 1) {
            throw new IllegalStateException(property + ": key versions must be 1 or greater, got " + version);
        }
        return version;
    }

    private static byte[] decode(String encoded, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64 (expected the base64 of 32 bytes)");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalStateException(property + " must decode to exactly 32 bytes, got " + key.length);
        }
        return key;
    }
}

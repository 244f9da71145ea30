package io.hookgate.ops;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Keys published in the Hookgate repository, now or in its history: the %dev and %test admin keys, the dev-only
 * master key, and the fixed keys the integration tests and the benchmark once used. Anyone can read them, so a
 * packaged run never accepts them (the harnesses now generate random keys per run).
 */
public final class WellKnownKeys {

    private static final Set<String> ADMIN_KEYS = Set.of(
            "dev-admin-key-0123456789abcdef",
            "test-admin-key-0123456789abcdef",
            "it-admin-key-0123456789abcdefghij",
            "bench-admin-key-0123456789abcdefghij");

    private static final List<byte[]> MASTER_KEYS = List.of(
            // MasterKeys.DEV_ONLY_KEY
            decode("aG9va2dhdGUtZGV2LW9ubHktSU5TRUNVUkUta2V5ISE="),
            decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
            decode("YmVuY2gtbWFzdGVyLWtleS0wMTIzNDU2Nzg5YWJjZGU="));

    private WellKnownKeys() {
    }

    /** True when this admin key, surrounding whitespace aside, is a published one. */
    public static boolean isPublishedAdminKey(String key) {
        return key != null && ADMIN_KEYS.contains(key.strip());
    }

    /** True when this base64 master key decodes to a published key; malformed keys are MasterKeys' business. */
    public static boolean isPublishedMasterKey(String base64) {
        byte[] key;
        try {
            key = decode(base64);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return MASTER_KEYS.stream().anyMatch(published -> MessageDigest.isEqual(published, key));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }
}

package io.hookgate.challenge;

import java.util.Base64;
import java.util.random.RandomGenerator;

/** Unguessable, URL-safe challenge tokens. */
public final class ChallengeToken {

    /** 256 random bits, well above the 128 the contract requires. */
    static final int RANDOM_BYTES = 32;

    private ChallengeToken() {
    }

    /** A fresh token: base64url without padding of 32 random bytes (43 characters). */
    public static String generate(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

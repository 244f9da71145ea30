package io.hookgate.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeTokenTest {

    @Test
    void tokenIsUrlSafeAndCarries256RandomBits() {
        String token = ChallengeToken.generate(new SecureRandom());

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ChallengeToken.generate(random));
        }
        assertThat(seen).hasSize(1000);
    }
}

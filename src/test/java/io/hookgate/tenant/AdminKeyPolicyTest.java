package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminKeyPolicyTest {

    @Test
    void missingOrBlankKeyIsRefusedNamingTheEnvironmentVariable() {
        assertThat(AdminKeyPolicy.problem(Optional.empty())).hasValueSatisfying(
                message -> assertThat(message).contains("HOOKGATE_ADMIN_API_KEY").contains("not set"));
        assertThat(AdminKeyPolicy.problem(Optional.of("   "))).isPresent();
    }

    @Test
    void keysShorterThan24CharactersAreRefused() {
        assertThat(AdminKeyPolicy.problem(Optional.of("a".repeat(23)))).hasValueSatisfying(
                message -> assertThat(message).contains("HOOKGATE_ADMIN_API_KEY").contains("shorter than 24"));
        assertThat(AdminKeyPolicy.problem(Optional.of("a".repeat(24)))).isEmpty();
    }
}

package io.hookgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathIdsTest {

    @Test
    void parsesCanonicalUuids() {
        UUID id = UUID.randomUUID();
        assertThat(PathIds.uuid(id.toString(), "tenant")).isEqualTo(id);
        assertThat(PathIds.uuid(id.toString().toUpperCase(), "tenant")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1-1-1-1-1", "0b6f2c1e-8a4d-4c3e-9f1a-2d5e7b9c1a3", "0b6f2c1e8a4d4c3e9f1a2d5e7b9c1a3f",
        "0b6f2c1e-8a4d-4c3e-9f1a-2d5e7b9c1a3g", "{0b6f2c1e-8a4d-4c3e-9f1a-2d5e7b9c1a3f}"})
    void anythingElseIsNotFound(String raw) {
        assertThatThrownBy(() -> PathIds.uuid(raw, "tenant"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("tenant not found");
                });
    }
}

package io.hookgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void cursorRoundTripsAtMicrosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-22T10:15:30.123456789Z"), UUID.randomUUID());

        Cursor decoded = Cursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-cursor", "MTIz", "%%%", "MTIzfG5vdC1hLXV1aWQ"})
    void foreignTokensAreABadRequest(String token) {
        assertThatThrownBy(() -> Cursor.decode(token)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }
}

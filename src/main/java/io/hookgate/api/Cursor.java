package io.hookgate.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in a list ordered by (created_at, id). Clients see only an opaque base64url token;
 * a token that does not decode is a 400 problem.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    public Cursor {
        // PostgreSQL timestamptz keeps microseconds; truncating keeps the token round-trip exact.
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The opaque token handed to clients. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = micros + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client token; throws a 400 problem for anything this class did not produce. */
    public static Cursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int cut = plain.indexOf(SEPARATOR);
            long micros = Long.parseLong(plain.substring(0, cut));
            UUID id = UUID.fromString(plain.substring(cut + 1));
            Cursor cursor = new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
            if (!cursor.encode().equals(token)) {
                throw new IllegalArgumentException("non-canonical cursor");
            }
            return cursor;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is not valid; pass the next_cursor of a previous page");
        }
    }
}

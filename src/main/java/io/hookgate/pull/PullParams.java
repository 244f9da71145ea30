package io.hookgate.pull;

import io.hookgate.api.ProblemException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The query parameters of the pull endpoints (SPEC 11); anything malformed or out of range is a 400 problem. */
public final class PullParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_WAIT_SECONDS = 30;
    /** A consumer name: what fits in a URL path segment and a log line without escaping. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private PullParams() {
    }

    public static int limit(String text) {
        return integer(text, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    public static Duration waitFor(String text) {
        return Duration.ofSeconds(integer(text, "wait", 0, MAX_WAIT_SECONDS, 0));
    }

    /** An optional cursor; present but not a cursor is a 400. */
    public static Optional<PullCursor> cursor(String text, String field) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PullCursor.parse(text).orElseThrow(() ->
                ProblemException.invalidParam(field, field + " is not a cursor this API returned")));
    }

    /** A cursor that must be given: absent or empty is a 400 as much as one that is not a cursor. */
    public static PullCursor requiredCursor(String text, String field) {
        return cursor(text, field).orElseThrow(() -> ProblemException.invalidParam(field, field + " is required"));
    }

    public static String consumerName(String text) {
        if (text == null || !NAME.matcher(text).matches()) {
            throw ProblemException.invalidParam("name", "a consumer name is 1 to 64 of A-Z a-z 0-9 . _ -,"
                    + " starting with a letter or digit");
        }
        return text;
    }

    private static int integer(String text, String field, int min, int max, int absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalidParam(field, field + " must be a whole number from " + min + " to " + max);
    }
}

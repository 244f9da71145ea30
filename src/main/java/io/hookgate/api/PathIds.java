package io.hookgate.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses ids from URL paths; an id that cannot exist answers 404, exactly like one that does not. */
public final class PathIds {

    // UUID.fromString accepts short groups such as "1-1-1-1-1"; only the canonical form names an object
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    /** The UUID in canonical 8-4-4-4-12 form, or a 404 problem naming {@code what}. */
    public static UUID uuid(String raw, String what) {
        if (raw == null || !CANONICAL_UUID.matcher(raw).matches()) {
            throw ProblemException.notFound(what);
        }
        return UUID.fromString(raw);
    }
}

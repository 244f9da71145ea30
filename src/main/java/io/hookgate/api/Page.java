package io.hookgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/** One page of a cursor-paginated list: {@code {data, next_cursor}}; next_cursor is null on the last page. */
public record Page<T>(List<T> data, @JsonProperty("next_cursor") String nextCursor) {

    /** Default page size when the client sends no limit. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page size a client may ask for. */
    public static final int MAX_LIMIT = 200;

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only proves a next page exists.
     *
     * @param cursorOf the keyset position of a row
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /** Parses a client-supplied limit; absent means the default, anything outside 1..MAX_LIMIT is a 400. */
    public static int limit(String requested) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(requested);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}

package io.hookgate.inbound.render;

import java.util.Optional;

/** Builds a {@link Rendered} from raw payload strings, cleaning and bounding every part. */
final class Summary {

    /** Shown when a payload names nobody. */
    static final String SOMEONE = "someone";
    /** The title when a payload's own is empty after cleaning. */
    static final String UNTITLED = "(untitled)";

    private Summary() {
    }

    /** A cleaned actor name, or {@link #SOMEONE}. */
    static String actor(Optional<String> raw) {
        String name = Clean.line(raw.orElse(null), Clean.NAME_CHARS);
        return name.isEmpty() ? SOMEONE : name;
    }

    /** {@code "<first line of s>"}, cleaned and cut, or "" when there is nothing to quote. */
    static String quoted(Optional<String> s) {
        String line = Clean.line(s.orElse(null), Clean.EXCERPT_CHARS);
        return line.isEmpty() ? "" : "\"" + line + "\"";
    }

    /** {@code prefix + ": " + excerpt}, or just {@code prefix} without an excerpt. */
    static String withExcerpt(String prefix, String excerpt) {
        return excerpt.isEmpty() ? prefix : prefix + ": " + excerpt;
    }

    /** The record: {@code text} cut to 280, {@code title} to 120 and never empty, a web URL or none. */
    static Rendered of(String action, String title, String text, Optional<String> url, String actor) {
        String cleanTitle = Clean.line(title, Clean.TITLE_CHARS);
        if (cleanTitle.isEmpty()) {
            cleanTitle = UNTITLED; // a title made only of control characters cleans away to nothing
        }
        return new Rendered(Clean.line(action, Clean.NAME_CHARS), cleanTitle, Clean.cut(text, Clean.TEXT_CHARS),
                url.flatMap(Clean::url).orElse(null), SOMEONE.equals(actor) ? null : actor);
    }
}

package io.hookgate.inbound.render;

import java.util.Objects;

/**
 * The rendered part of a {@code chat.notifications} record: plain text, one line each, bounded and cleaned.
 *
 * @param action what happened ({@code opened}, {@code merged}, {@code pushed}, ...), or null
 * @param title what it happened to (an issue or pull request title, a branch, a commit), never empty
 * @param text the one-line human summary, at most 280 characters, never null
 * @param url an http(s) link to the thing, or null
 * @param actor who did it (login or user name), or null
 */
public record Rendered(String action, String title, String text, String url, String actor) {

    public Rendered {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        action = blankToNull(action);
        url = blankToNull(url);
        actor = blankToNull(actor);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

package io.hookgate.inbound.render;

import java.util.Optional;

/**
 * The summary of a push, shared by GitHub and GitLab:
 * <ul>
 *   <li>{@code alice pushed 3 commits to main: "Fix login"} ({@code force-pushed} when forced);
 *   <li>{@code alice created branch feature} / {@code ... with 2 commits: "..."}; {@code alice deleted branch x};
 *   <li>{@code alice pushed tag v1.0}; {@code alice deleted tag v1.0}.
 * </ul>
 * {@code action} is {@code created}, {@code deleted}, {@code forced} or {@code pushed}; {@code title} the branch or
 * tag name.
 *
 * @param actor who pushed
 * @param ref the full ref ({@code refs/heads/main}, {@code refs/tags/v1})
 * @param commits how many commits the push brought
 * @param headMessage the head commit's message (only its first line is shown)
 * @param url where to look (compare view or head commit)
 */
record PushText(Optional<String> actor, Optional<String> ref, int commits, Optional<String> headMessage,
        boolean created, boolean deleted, boolean forced, Optional<String> url) {

    private static final String HEADS = "refs/heads/";
    private static final String TAGS = "refs/tags/";

    Rendered render() {
        String who = Summary.actor(actor);
        String raw = ref.orElse("");
        boolean tag = raw.startsWith(TAGS);
        String name = Clean.line(raw.startsWith(HEADS) ? raw.substring(HEADS.length())
                : tag ? raw.substring(TAGS.length()) : raw, Clean.NAME_CHARS);
        String what = (tag ? "tag " : "branch ") + (name.isEmpty() ? "(unknown)" : name);
        String action = deleted ? "deleted" : created ? "created" : forced ? "forced" : "pushed";
        return Summary.of(action, name.isEmpty() ? what : name, text(who, tag, what, name), url, who);
    }

    private String text(String who, boolean tag, String what, String name) {
        if (deleted) {
            return who + " deleted " + what;
        }
        String verb = forced ? " force-pushed " : " pushed ";
        if (tag) {
            return who + verb + what;
        }
        String excerpt = Summary.quoted(headMessage);
        if (created) {
            return commits == 0 ? who + " created " + what
                    : Summary.withExcerpt(who + " created " + what + " with " + count(), excerpt);
        }
        String target = name.isEmpty() ? what : name;
        return commits == 0 ? who + verb + "to " + target
                : Summary.withExcerpt(who + verb + count() + " to " + target, excerpt);
    }

    private String count() {
        return commits + (commits == 1 ? " commit" : " commits");
    }
}

package io.hookgate.inbound.route;

import java.util.Set;

/** Which event names a route takes: {@link All} ({@code *}) or {@link Only} a set of names. */
public sealed interface EventFilter {

    /** The initial tenant defaults (err-repohook's): repository activity a room usually wants. */
    Only DEFAULTS = new Only(Set.of("push", "issues", "issue_comment", "commit_comment", "pull_request",
            "pull_request_review_comment"));

    /** Whether {@code event} passes. */
    boolean accepts(String event);

    /** Every event, including ones without a renderer and GitLab's confidential hooks. */
    record All() implements EventFilter {
        @Override
        public boolean accepts(String event) {
            return true;
        }
    }

    /** Exactly these names (normalised, lower-case). */
    record Only(Set<String> names) implements EventFilter {
        public Only {
            names = Set.copyOf(names);
        }

        @Override
        public boolean accepts(String event) {
            return names.contains(event);
        }
    }
}

package io.hookgate.inbound.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.inbound.SourceType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The event name a verified request is recorded and routed under.
 *
 * <ul>
 *   <li>GitHub: {@code X-GitHub-Event} as sent ({@code push}, {@code issues}, ...).
 *   <li>GitLab: {@code X-Gitlab-Event} mapped onto GitHub's names ({@link #gitlab}); others become a lower-case
 *       snake name without the {@code Hook} suffix ({@code Pipeline Hook} → {@code pipeline}).
 *   <li>standard-webhooks: the body's {@code type} as sent ({@code invoice.paid}), if it is 1–200 printable ASCII.
 *   <li>hmac and eventyay: none (eventyay events are typed by contract section 2).
 * </ul>
 */
public final class EventNames {

    /** Longest normalised name (GitHub and GitLab); longer ones are cut. */
    public static final int MAX_CHARS = 64;

    private static final int MAX_TYPE_CHARS = 200;
    private static final Map<String, String> GITLAB = Map.of(
            "push hook", "push",
            // GitHub reports tag pushes as push events (ref refs/tags/...); GitLab's own must route the same way
            "tag push hook", "push",
            "issue hook", "issues",
            "merge request hook", "pull_request");

    private EventNames() {
    }

    /** The name for a verified request of {@code type}; empty when the request has none. */
    public static Optional<String> normalize(SourceType type, Optional<String> headerEvent, JsonNode payload) {
        return switch (type) {
            case GITHUB -> headerEvent.map(EventNames::snake);
            case GITLAB -> headerEvent.map(h -> gitlab(h, payload));
            case STANDARD_WEBHOOKS -> standardWebhooksType(payload);
            case HMAC, EVENTYAY -> Optional.empty();
        };
    }

    /**
     * A GitLab {@code X-Gitlab-Event} value as a GitHub-style name. {@code Note Hook} depends on the note's
     * target ({@code object_attributes.noteable_type}): {@code Commit} → {@code commit_comment}; {@code Issue} →
     * {@code issue_comment}; {@code MergeRequest} → {@code issue_comment}, or {@code pull_request_review_comment}
     * for a diff note (as GitHub splits PR conversation and review comments); {@code Snippet} →
     * {@code snippet_comment}; anything else → {@code note}. Confidential hooks keep their own names
     * ({@code confidential_issue}, {@code confidential_note}), so default routes never post them to a room.
     */
    public static String gitlab(String headerEvent, JsonNode payload) {
        String key = headerEvent.strip().toLowerCase(Locale.ROOT);
        String mapped = GITLAB.get(key);
        if (mapped != null) {
            return mapped;
        }
        return key.equals("note hook") ? gitlabNote(payload) : snake(headerEvent);
    }

    private static String gitlabNote(JsonNode payload) {
        JsonNode attributes = payload.path("object_attributes");
        String target = attributes.path("noteable_type").asText("");
        return switch (target) {
            case "Commit" -> "commit_comment";
            case "Issue" -> "issue_comment";
            case "MergeRequest" -> isDiffNote(attributes) ? "pull_request_review_comment" : "issue_comment";
            case "Snippet" -> "snippet_comment";
            default -> "note";
        };
    }

    private static boolean isDiffNote(JsonNode attributes) {
        return "DiffNote".equals(attributes.path("type").asText("")) || attributes.path("position").isObject();
    }

    /**
     * Lower-case snake form: a trailing {@code Hook} dropped, every run of other characters than {@code a-z0-9}
     * turned into one {@code _}, cut to {@link #MAX_CHARS}; {@code unknown} when nothing is left.
     */
    public static String snake(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(" hook")) {
            s = s.substring(0, s.length() - " hook".length());
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CHARS));
        for (int i = 0; i < s.length() && out.length() < MAX_CHARS; i++) {
            char c = s.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (word) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? "unknown" : out.toString();
    }

    private static Optional<String> standardWebhooksType(JsonNode payload) {
        JsonNode type = payload.path("type");
        if (!type.isTextual()) {
            return Optional.empty();
        }
        String text = type.textValue();
        boolean printable = !text.isEmpty() && text.length() <= MAX_TYPE_CHARS
                && text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        return printable ? Optional.of(text) : Optional.empty();
    }
}

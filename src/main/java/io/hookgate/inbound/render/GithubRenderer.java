package io.hookgate.inbound.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Summaries of GitHub webhook payloads for the default route events; empty for any other event (the caller then
 * uses the generic line). Reads only what it needs and never throws on missing or oddly typed fields.
 */
final class GithubRenderer {

    private static final String[] SENDER = {"sender", "login"};
    private static final Map<String, String> PR_VERBS = Map.of(
            "synchronize", "updated",
            "ready_for_review", "marked as ready",
            "converted_to_draft", "converted to draft",
            "review_requested", "requested a review on",
            "review_request_removed", "removed a review request on");

    private GithubRenderer() {
    }

    /** The summary of a GitHub {@code event}, if it is one this renderer knows. */
    static Optional<Rendered> render(String event, JsonNode p) {
        return switch (event) {
            case "push" -> Optional.of(push(p));
            case "issues" -> Optional.of(issues(p));
            case "issue_comment" -> Optional.of(issueComment(p));
            case "commit_comment" -> Optional.of(commitComment(p));
            case "pull_request" -> Optional.of(pullRequest(p));
            case "pull_request_review_comment" -> Optional.of(reviewComment(p));
            default -> Optional.empty();
        };
    }

    private static Rendered push(JsonNode p) {
        int commits = Fields.at(p, "commits").size();
        return new PushText(Fields.firstText(p, SENDER, new String[] {"pusher", "name"}), Fields.text(p, "ref"),
                commits, Fields.text(p, "head_commit", "message"), Fields.isTrue(p, "created"),
                Fields.isTrue(p, "deleted"), Fields.isTrue(p, "forced"),
                Fields.firstText(p, new String[] {"compare"}, new String[] {"head_commit", "url"})).render();
    }

    private static Rendered issues(JsonNode p) {
        String actor = Summary.actor(Fields.text(p, SENDER));
        String action = Clean.line(Fields.text(p, "action").orElse("updated"), Clean.NAME_CHARS);
        Optional<String> title = Fields.text(p, "issue", "title");
        String text = Summary.withExcerpt(actor + " " + action + " " + numbered("issue", p, "issue"),
                Summary.quoted(title));
        return Summary.of(action, title.orElse("issue"), text, Fields.text(p, "issue", "html_url"), actor);
    }

    private static Rendered issueComment(JsonNode p) {
        boolean onPullRequest = Fields.at(p, "issue", "pull_request").isObject();
        String target = numbered(onPullRequest ? "pull request" : "issue", p, "issue");
        return comment(p, target, Fields.text(p, "issue", "title"), Fields.text(p, "issue", "html_url"));
    }

    private static Rendered commitComment(JsonNode p) {
        String sha = Fields.shortSha(Clean.line(Fields.text(p, "comment", "commit_id").orElse(""), Clean.NAME_CHARS));
        String target = sha.isEmpty() ? "a commit" : "commit " + sha;
        return comment(p, target, Optional.empty(), Optional.empty());
    }

    private static Rendered reviewComment(JsonNode p) {
        String target = numbered("pull request", p, "pull_request");
        return comment(p, target, Fields.text(p, "pull_request", "title"),
                Fields.text(p, "pull_request", "html_url"));
    }

    /** {@code alice commented on <target> "<title>" (<file>): <first line of the comment>}. */
    private static Rendered comment(JsonNode p, String target, Optional<String> title, Optional<String> fallbackUrl) {
        String actor = Summary.actor(Fields.text(p, SENDER));
        String action = Fields.text(p, "action").orElse("created");
        String verb = switch (action) {
            case "created" -> "commented on";
            case "edited" -> "edited a comment on";
            case "deleted" -> "deleted a comment on";
            default -> Clean.line(action, Clean.NAME_CHARS) + " a comment on";
        };
        String quoted = Summary.quoted(title);
        String quotedTitle = quoted.isEmpty() ? "" : " " + quoted;
        String body = Clean.line(Fields.text(p, "comment", "body").orElse(null), Clean.EXCERPT_CHARS);
        String text = Summary.withExcerpt(actor + " " + verb + " " + target + quotedTitle + path(p), body);
        Optional<String> url = Fields.text(p, "comment", "html_url").or(() -> fallbackUrl);
        return Summary.of(action, title.orElse(target), text, url, actor);
    }

    private static Rendered pullRequest(JsonNode p) {
        String actor = Summary.actor(Fields.text(p, SENDER));
        String action = Fields.text(p, "action").orElse("updated");
        if (action.equals("closed") && Fields.isTrue(p, "pull_request", "merged")) {
            action = "merged";
        }
        String verb = PR_VERBS.getOrDefault(action, Clean.line(action.replace('_', ' '), Clean.NAME_CHARS));
        Optional<String> title = Fields.text(p, "pull_request", "title");
        String text = Summary.withExcerpt(actor + " " + verb + " " + numbered("pull request", p, "pull_request"),
                Summary.quoted(title));
        return Summary.of(action, title.orElse("pull request"), text, Fields.text(p, "pull_request", "html_url"),
                actor);
    }

    /** {@code issue #12}, or {@code an issue} without a number. */
    private static String numbered(String kind, JsonNode p, String object) {
        Optional<Integer> number = Fields.count(p, object, "number");
        return number.map(n -> kind + " #" + n).orElse((kind.startsWith("i") ? "an " : "a ") + kind);
    }

    /** {@code  (README.md)} for a comment on a file, else "". */
    private static String path(JsonNode p) {
        String path = Clean.line(Fields.text(p, "comment", "path").orElse(null), Clean.NAME_CHARS);
        return path.isEmpty() ? "" : " (" + path + ")";
    }
}

package io.hookgate.inbound.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Summaries of GitLab webhook payloads, under the GitHub-style names the events were normalised to, in GitLab's
 * own words ({@code merge request !4}, {@code issue #23}). Empty for events it does not know.
 */
final class GitlabRenderer {

    private static final String ZERO_SHA = "0000000000000000000000000000000000000000";
    private static final String[] USER = {"user", "username"};
    private static final String[] USER_NAME = {"user", "name"};
    private static final Map<String, String> VERBS = Map.of(
            "open", "opened", "close", "closed", "reopen", "reopened", "update", "updated", "merge", "merged",
            "approved", "approved", "approval", "approved", "unapproved", "unapproved", "unapproval", "unapproved");

    private GitlabRenderer() {
    }

    /** The summary of a normalised GitLab {@code event}, if it is one this renderer knows. */
    static Optional<Rendered> render(String event, JsonNode p) {
        return switch (event) {
            case "push" -> Optional.of(push(p));
            case "issues" -> Optional.of(issue(p));
            case "pull_request" -> Optional.of(mergeRequest(p));
            case "issue_comment", "commit_comment", "pull_request_review_comment" -> Optional.of(note(p));
            default -> Optional.empty();
        };
    }

    private static Rendered push(JsonNode p) {
        Optional<String> actor = Fields.firstText(p, new String[] {"user_username"}, new String[] {"user_name"});
        JsonNode commits = Fields.at(p, "commits");
        int count = Fields.count(p, "total_commits_count").orElse(commits.size());
        JsonNode head = headCommit(commits, Fields.firstText(p, new String[] {"checkout_sha"},
                new String[] {"after"}).orElse(""));
        Optional<String> url = Fields.text(head, "url").or(() -> Fields.text(p, "project", "web_url"));
        boolean created = ZERO_SHA.equals(Fields.text(p, "before").orElse(""));
        boolean deleted = ZERO_SHA.equals(Fields.text(p, "after").orElse(""));
        // GitLab's payload says nothing about force pushes
        return new PushText(actor, Fields.text(p, "ref"), count, Fields.text(head, "message"), created, deleted,
                false, url).render();
    }

    /** The commit with id {@code sha}, else the last listed (GitLab lists oldest first). */
    private static JsonNode headCommit(JsonNode commits, String sha) {
        if (!commits.isArray() || commits.isEmpty()) {
            return commits.path(0);
        }
        for (JsonNode commit : commits) {
            if (!sha.isEmpty() && sha.equals(commit.path("id").asText(""))) {
                return commit;
            }
        }
        return commits.path(commits.size() - 1);
    }

    private static Rendered issue(JsonNode p) {
        return object(p, "issue #", "issue");
    }

    private static Rendered mergeRequest(JsonNode p) {
        return object(p, "merge request !", "merge request");
    }

    /** {@code root opened issue #23: "title"} from {@code object_attributes}. */
    private static Rendered object(JsonNode p, String numberedKind, String kind) {
        String actor = Summary.actor(Fields.firstText(p, USER, USER_NAME));
        Optional<String> rawAction = Fields.text(p, "object_attributes", "action");
        String action = rawAction.map(a -> VERBS.getOrDefault(a, Clean.line(a.replace('_', ' '), Clean.NAME_CHARS)))
                .orElse("updated");
        Optional<String> title = Fields.text(p, "object_attributes", "title");
        String target = Fields.count(p, "object_attributes", "iid").map(n -> numberedKind + n)
                .orElse((kind.startsWith("i") ? "an " : "a ") + kind);
        String text = Summary.withExcerpt(actor + " " + action + " " + target, Summary.quoted(title));
        return Summary.of(action, title.orElse(kind), text, Fields.text(p, "object_attributes", "url"), actor);
    }

    /** {@code root commented on merge request !1 "title": <first line of the note>}. */
    private static Rendered note(JsonNode p) {
        String actor = Summary.actor(Fields.firstText(p, USER, USER_NAME));
        JsonNode attributes = Fields.at(p, "object_attributes");
        String verb = "update".equals(attributes.path("action").asText("")) ? "edited a comment on" : "commented on";
        Target target = target(p, attributes.path("noteable_type").asText(""));
        String quoted = Summary.quoted(target.title());
        String excerpt = Clean.line(Fields.text(attributes, "note").orElse(null), Clean.EXCERPT_CHARS);
        String text = Summary.withExcerpt(actor + " " + verb + " " + target.label()
                + (quoted.isEmpty() ? "" : " " + quoted), excerpt);
        String action = "update".equals(attributes.path("action").asText("")) ? "edited" : "created";
        return Summary.of(action, target.title().orElse(target.label()), text, Fields.text(attributes, "url"), actor);
    }

    private record Target(String label, Optional<String> title) {
    }

    private static Target target(JsonNode p, String noteableType) {
        return switch (noteableType) {
            case "Issue" -> new Target(numbered("issue #", p, "issue", "an issue"), Fields.text(p, "issue", "title"));
            case "MergeRequest" -> new Target(numbered("merge request !", p, "merge_request", "a merge request"),
                    Fields.text(p, "merge_request", "title"));
            case "Snippet" -> new Target("snippet", Fields.text(p, "snippet", "title"));
            default -> {
                String sha = Fields.firstText(p, new String[] {"commit", "id"},
                        new String[] {"object_attributes", "commit_id"}).orElse("");
                String shortSha = Fields.shortSha(Clean.line(sha, Clean.NAME_CHARS));
                yield new Target(shortSha.isEmpty() ? "a commit" : "commit " + shortSha, Optional.empty());
            }
        };
    }

    private static String numbered(String prefix, JsonNode p, String object, String fallback) {
        return Fields.count(p, object, "iid").map(n -> prefix + n).orElse(fallback);
    }
}

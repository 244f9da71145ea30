package io.hookgate.inbound.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hookgate.inbound.SourceType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Repository names: extraction from payloads, syntax, and matching.
 *
 * <p>A repository is {@code owner/name} (GitHub {@code repository.full_name}) or a GitLab
 * {@code project.path_with_namespace} with nested groups ({@code group/sub/project}): 2–20 segments of letters,
 * digits, {@code .}, {@code _} and {@code -}, at most 255 characters. Both hosts treat these paths
 * case-insensitively, so matching ignores ASCII case.
 */
public final class Repositories {

    /** Longest accepted repository path. */
    public static final int MAX_CHARS = 255;

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){1,19}");

    private Repositories() {
    }

    /** The repository a GitHub or GitLab payload is about; empty for other types or when absent or malformed. */
    public static Optional<String> extract(SourceType type, JsonNode payload) {
        JsonNode node = switch (type) {
            case GITHUB -> payload.path("repository").path("full_name");
            case GITLAB -> payload.path("project").path("path_with_namespace");
            default -> MissingNode.getInstance();
        };
        return node.isTextual() && valid(node.textValue()) ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** True if {@code repository} has the syntax routes accept (also the rule for {@code POST .../routes}). */
    public static boolean valid(String repository) {
        return repository != null && repository.length() <= MAX_CHARS && SYNTAX.matcher(repository).matches()
                && !repository.contains("//");
    }

    /** The form repositories are compared and indexed in. */
    public static String key(String repository) {
        return repository.toLowerCase(Locale.ROOT);
    }

    /** True if both name the same repository, ignoring ASCII case. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}

package io.hookgate.inbound.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Lenient reads from payload trees: a missing, null or oddly typed field is simply absent, never an error. */
final class Fields {

    private Fields() {
    }

    /** The node at {@code path}; a missing node when any step is absent or not an object. */
    static JsonNode at(JsonNode root, String... path) {
        JsonNode node = root;
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }

    /** A non-blank string (or the decimal form of an integral number) at {@code path}. */
    static Optional<String> text(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        if (node.isTextual() && !node.textValue().isBlank()) {
            return Optional.of(node.textValue());
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    /** The first present of several paths' texts. */
    static Optional<String> firstText(JsonNode root, String[]... paths) {
        for (String[] path : paths) {
            Optional<String> value = text(root, path);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A non-negative integral number at {@code path} that fits an int. */
    static Optional<Integer> count(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return Optional.of(node.intValue());
        }
        return Optional.empty();
    }

    /** True only for a JSON {@code true} at {@code path}. */
    static boolean isTrue(JsonNode root, String... path) {
        return at(root, path).isBoolean() && at(root, path).booleanValue();
    }

    /** {@code sha} cut to 7 characters, as git shows abbreviated commits. */
    static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}

package io.hookgate.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.api.ProblemException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code PATCH /v1/subscriptions/{id}}, read field by field so "absent" and "null" differ:
 * {@code channels: null} means all channels, {@code description: null} and {@code expire_after: null} clear them,
 * while absent fields stay unchanged. Only the allowlisted fields are accepted; anything else is a 400.
 */
public record SubscriptionPatch(
        String url,
        List<String> eventTypes,
        boolean channelsSet,
        List<String> channels,
        boolean descriptionSet,
        String description,
        String format,
        String status,
        boolean expireAfterSet,
        String expireAfter,
        PullRetention retention) {

    static final Set<String> FIELDS = Set.of("url", "event_types", "channels", "description", "format", "status",
            "expire_after", "retention");
    private static final Set<String> RETENTION_FIELDS = Set.of("max_messages", "max_bytes", "max_age");

    /** Parses the allowlisted fields; wrong JSON types are recorded as field errors in {@code rules}. */
    static SubscriptionPatch parse(JsonNode body, SubscriptionRules rules) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                throw ProblemException.badRequest("unknown field '" + abbreviate(name) + "'");
            }
        }
        return new SubscriptionPatch(
                requiredText(body, "url", rules),
                requiredList(body, "event_types", rules),
                body.has("channels"), nullableList(body, "channels", rules),
                body.has("description"), nullableText(body, "description", rules),
                requiredText(body, "format", rules),
                requiredText(body, "status", rules),
                body.has("expire_after"), nullableDuration(body, rules),
                retention(body, rules));
    }

    /** True when nothing would change. */
    boolean isEmpty() {
        return url == null && eventTypes == null && !channelsSet && !descriptionSet && format == null
                && status == null && !expireAfterSet && retention == null;
    }

    // a number is no duration: "300" would be ambiguous (seconds? minutes?), so only text is read
    private static String nullableDuration(JsonNode body, SubscriptionRules rules) {
        JsonNode node = body.get("expire_after");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            rules.fieldError("expire_after", ExpireAfter.RULE);
            return null;
        }
        return node.textValue();
    }

    // an absent limit keeps its current value; null is no value for a limit, so it is refused like a wrong type
    private static PullRetention retention(JsonNode body, SubscriptionRules rules) {
        JsonNode node = body.get("retention");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            rules.fieldError("retention", "retention must be an object");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!RETENTION_FIELDS.contains(name)) {
                throw ProblemException.badRequest("unknown field 'retention." + abbreviate(name) + "'");
            }
        }
        return new PullRetention(limit(node, "max_messages", rules), limit(node, "max_bytes", rules),
                node.has("max_age") ? text(node.get("max_age"), "retention.max_age", rules) : null);
    }

    private static Long limit(JsonNode retention, String field, SubscriptionRules rules) {
        JsonNode node = retention.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            rules.fieldError("retention." + field, field + " must be a whole number");
            return null;
        }
        return node.longValue();
    }

    // A field that may be absent but, when present, must not be null.
    private static String requiredText(JsonNode body, String field, SubscriptionRules rules) {
        if (!body.has(field)) {
            return null;
        }
        return text(body.get(field), field, rules);
    }

    private static String nullableText(JsonNode body, String field, SubscriptionRules rules) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : text(node, field, rules);
    }

    private static String text(JsonNode node, String field, SubscriptionRules rules) {
        if (!node.isTextual()) {
            rules.fieldError(field, field + " must be a string");
            return null;
        }
        return node.textValue();
    }

    private static List<String> requiredList(JsonNode body, String field, SubscriptionRules rules) {
        if (!body.has(field)) {
            return null;
        }
        return list(body.get(field), field, rules);
    }

    private static List<String> nullableList(JsonNode body, String field, SubscriptionRules rules) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : list(node, field, rules);
    }

    private static List<String> list(JsonNode node, String field, SubscriptionRules rules) {
        if (!node.isArray()) {
            rules.fieldError(field, field + " must be an array of strings");
            return null;
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                rules.fieldError(field, field + " must be an array of strings");
                return null;
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}

package io.hookgate.inbound.source;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.api.ProblemException;
import io.hookgate.api.StrictJsonCustomizer;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code PATCH /v1/sources/{id}} (JSON merge patch): any of {@code name}, {@code allow_cidrs} (null = any address),
 * {@code hmac} (hmac sources) and {@code channels} (eventyay sources). {@code type} and secrets never change here.
 */
final class SourcePatch {

    private static final Set<String> FIELDS = Set.of("name", "allow_cidrs", "hmac", "channels");
    // as strict as the request bodies the REST layer reads: no 1 or true where a string is expected
    private static final ObjectMapper MAPPER = strict();

    private SourcePatch() {
    }

    /** The columns to set, and the new channels of an eventyay source or null. */
    record Changes(SourceChanges columns, List<String> channels) {
    }

    static Changes of(SourceRow row, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ProblemException.badRequest("unknown or unchangeable field: " + field);
            }
        }
        SourceRules rules = new SourceRules();
        SourceChanges columns = new SourceChanges();
        List<String> channels = null;
        if (body.has("name")) {
            columns.name(rules.name(text(body.get("name"), "name")));
        }
        if (body.has("allow_cidrs")) {
            List<String> cidrs = body.get("allow_cidrs").isNull() ? null
                    : rules.allowCidrs(list(body.get("allow_cidrs"), "allow_cidrs"));
            columns.allowCidrs(cidrs);
        }
        if (body.has("hmac")) {
            CreateSourceRequest.HmacRequest hmac = body.get("hmac").isNull() ? null
                    : convert(body.get("hmac"), new TypeReference<>() { }, "hmac");
            columns.hmac(rules.hmac(row.type(), hmac));
        }
        if (body.has("channels")) {
            channels = rules.channels(row.type(), body.get("channels").isNull() ? null
                    : list(body.get("channels"), "channels"));
            columns.channels(channels);
        }
        rules.throwIfInvalid();
        return new Changes(columns, channels);
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw ProblemException.invalid(field, field + " must be a string");
        }
        return node.textValue();
    }

    private static List<String> list(JsonNode node, String field) {
        return convert(node, new TypeReference<List<String>>() { }, field);
    }

    private static <T> T convert(JsonNode node, TypeReference<T> type, String field) {
        try {
            return MAPPER.readerFor(type).with(com.fasterxml.jackson.databind.DeserializationFeature
                    .FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " has the wrong shape");
        }
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }
}

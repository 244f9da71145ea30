package io.hookgate.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.hookgate.api.StrictJson;

/** Maps failures of the strict JSON reader ({@link StrictJson}) to the chat-event parser's reason codes. */
final class JsonReadFailures {

    private static final String DUPLICATE_PREFIX = "Duplicate field";

    private JsonReadFailures() {
    }

    /**
     * Maps a Jackson read failure to an {@link ParseResult.Invalid}.
     *
     * @param afterRoot true if the root value had been read completely when the failure occurred
     */
    static ParseResult.Invalid classify(JsonProcessingException e, boolean afterRoot) {
        String message = describe(e);
        if (e instanceof StreamConstraintsException) {
            return message.contains("nesting depth")
                    ? new ParseResult.Invalid(ChatEventParser.TOO_DEEP,
                            "nesting deeper than " + StrictJson.MAX_DEPTH + location(e))
                    : new ParseResult.Invalid(ChatEventParser.TOO_LARGE, message);
        }
        if (afterRoot) {
            return new ParseResult.Invalid(ChatEventParser.TRAILING_DATA, "data after the JSON value: " + message);
        }
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith(DUPLICATE_PREFIX + " '") && original.endsWith("'")) {
            // Jackson quotes the whole key: keep only a snippet of it
            String key = original.substring(DUPLICATE_PREFIX.length() + 2, original.length() - 1);
            return new ParseResult.Invalid(ChatEventParser.DUPLICATE_KEY, "duplicate key " + Text.snippet(key)
                    + location(e));
        }
        return new ParseResult.Invalid(ChatEventParser.NOT_JSON, message);
    }

    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        return Text.truncate(withoutParserAdvice(original.lines().findFirst().orElse(original)), 200) + location(e);
    }

    /** Jackson's advice names its own classes and settings ("enable `JsonReadFeature...`"): cut from there. */
    static String withoutParserAdvice(String message) {
        int cut = message.length();
        for (String marker : new String[] {"`", "Feature '", "(not recognized", ": enable", "; enable"}) {
            int at = message.indexOf(marker);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String kept = message.substring(0, cut).strip();
        while (!kept.isEmpty() && ":;,(".indexOf(kept.charAt(kept.length() - 1)) >= 0) {
            kept = kept.substring(0, kept.length() - 1).strip();
        }
        return kept.isEmpty() ? "malformed JSON" : kept;
    }

    private static String location(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}

package io.hookgate.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The top-level fields Hookgate validates, captured while streaming over one event (not thread-safe). */
final class EventFields {

    static final String MESSAGE_ID = "message_id";
    static final String CHANNEL = "channel";
    static final String TIMESTAMP = "timestamp";
    static final String MESSAGE_TYPE = "message_type";
    static final String MESSAGE = "message";
    static final String META = "meta";

    /**
     * One captured value.
     *
     * @param token the JSON token kind of the value
     * @param text the literal text of a string or integer value, else null
     * @param utf8Bytes the UTF-8 size of a string value (only computed for {@code message})
     */
    record Value(JsonToken token, String text, long utf8Bytes) {
    }

    Value messageId;
    Value channel;
    Value timestamp;
    Value messageType;
    Value message;
    Value meta;

    /** Records the value the parser is positioned on if {@code name} is a validated field; others are ignored. */
    void capture(String name, JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (name) {
            case MESSAGE_ID -> messageId = textual(token, p);
            case CHANNEL -> channel = textual(token, p);
            case TIMESTAMP -> timestamp = textual(token, p);
            case MESSAGE_TYPE -> messageType = textual(token, p);
            case MESSAGE -> message = token == JsonToken.VALUE_STRING
                    ? new Value(token, null, Text.utf8Length(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()))
                    : new Value(token, null, 0);
            case META -> meta = new Value(token, null, 0);
            default -> {
                // unknown and unchecked known fields travel unchanged in the raw JSON
            }
        }
    }

    private static Value textual(JsonToken token, JsonParser p) throws IOException {
        boolean hasText = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT;
        return new Value(token, hasText ? p.getText() : null, 0);
    }
}

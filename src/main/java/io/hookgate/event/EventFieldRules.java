package io.hookgate.event;

import com.fasterxml.jackson.core.JsonToken;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Field-level rules of contract section 2, applied to the captured top-level fields. */
final class EventFieldRules {

    static final int MAX_MESSAGE_ID_CHARS = 128;
    static final int MAX_CHANNEL_CHARS = 128;
    static final int MAX_MESSAGE_TYPE_CHARS = 64;
    static final int MAX_TIMESTAMP_CHARS = 64;
    static final long MAX_MESSAGE_BYTES = 64 * 1024;
    /**
     * Years of {@code timestamp} as written (its own offset). PostgreSQL's timestamptz holds 4713 BC to 294276 AD,
     * so every instant of these years, at any offset up to ±18:00, fits; the limit is the ISO-8601 four-digit year.
     */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private EventFieldRules() {
    }

    /** Validates the fields in a fixed order and reports the first violation, or builds the event. */
    static ParseResult validate(EventFields f, String rawJson) {
        ParseResult.Invalid bad = firstNonNull(
                checkMessageId(f.messageId),
                checkChannel(f.channel),
                requireString(EventFields.TIMESTAMP, f.timestamp),
                checkMessageType(f.messageType),
                checkMessage(f.message),
                checkOptional(EventFields.META, f.meta, JsonToken.START_OBJECT, "an object"));
        if (bad != null) {
            return bad;
        }
        String timestamp = f.timestamp.text();
        OffsetDateTime occurredAt = parseTimestamp(timestamp);
        if (occurredAt == null) {
            return invalidValue(EventFields.TIMESTAMP, "timestamp " + Text.snippet(timestamp)
                    + " is not an ISO-8601 date-time with offset (e.g. 2026-11-22T10:15:30Z)");
        }
        if (occurredAt.getYear() < MIN_YEAR || occurredAt.getYear() > MAX_YEAR) {
            return invalidValue(EventFields.TIMESTAMP, "timestamp " + Text.snippet(timestamp)
                    + " is outside the years 0001-9999 that Hookgate stores");
        }
        String channel = f.channel.text();
        String messageId = canonicalMessageId(f.messageId);
        return new ParseResult.Valid(new ChatEvent(EventId.forEvent(rawJson), channel, messageId,
                occurredAt, timestamp, f.messageType.text(), rawJson));
    }

    /** Integers in plain decimal (JSON allows {@code -0}, which means 0); strings verbatim. */
    static String canonicalMessageId(EventFields.Value v) {
        return v.token() == JsonToken.VALUE_NUMBER_INT && "-0".equals(v.text()) ? "0" : v.text();
    }

    private static ParseResult.Invalid checkMessageId(EventFields.Value v) {
        if (v == null) {
            return missing(EventFields.MESSAGE_ID);
        }
        if (v.token() != JsonToken.VALUE_STRING && v.token() != JsonToken.VALUE_NUMBER_INT) {
            return wrongType(EventFields.MESSAGE_ID, v, "an integer or a string");
        }
        if (v.text().isEmpty()) {
            return invalidValue(EventFields.MESSAGE_ID, "message_id must not be an empty string");
        }
        if (Text.codePoints(v.text()) > MAX_MESSAGE_ID_CHARS) {
            return invalidValue(EventFields.MESSAGE_ID, "message_id is longer than " + MAX_MESSAGE_ID_CHARS + " characters");
        }
        return null;
    }

    private static ParseResult.Invalid checkChannel(EventFields.Value v) {
        ParseResult.Invalid bad = requireString(EventFields.CHANNEL, v);
        if (bad != null) {
            return bad;
        }
        int length = Text.codePoints(v.text());
        if (length < 1 || length > MAX_CHANNEL_CHARS) {
            return invalidValue(EventFields.CHANNEL, "channel must be 1-" + MAX_CHANNEL_CHARS + " characters, got " + length);
        }
        if (Text.hasControlChar(v.text())) {
            return invalidValue(EventFields.CHANNEL, "channel must not contain control characters");
        }
        return null;
    }

    private static ParseResult.Invalid checkMessageType(EventFields.Value v) {
        ParseResult.Invalid bad = requireString(EventFields.MESSAGE_TYPE, v);
        if (bad != null) {
            return bad;
        }
        int length = Text.codePoints(v.text());
        if (length < 1 || length > MAX_MESSAGE_TYPE_CHARS) {
            return invalidValue(EventFields.MESSAGE_TYPE,
                    "message_type must be 1-" + MAX_MESSAGE_TYPE_CHARS + " characters, got " + length);
        }
        return null;
    }

    private static ParseResult.Invalid checkMessage(EventFields.Value v) {
        ParseResult.Invalid bad = checkOptional(EventFields.MESSAGE, v, JsonToken.VALUE_STRING, "a string");
        if (bad == null && v != null && v.utf8Bytes() > MAX_MESSAGE_BYTES) {
            return invalidValue(EventFields.MESSAGE, "message is " + v.utf8Bytes() + " UTF-8 bytes, more than "
                    + MAX_MESSAGE_BYTES);
        }
        return bad;
    }

    private static ParseResult.Invalid requireString(String field, EventFields.Value v) {
        if (v == null) {
            return missing(field);
        }
        return v.token() == JsonToken.VALUE_STRING ? null : wrongType(field, v, "a string");
    }

    private static ParseResult.Invalid checkOptional(String field, EventFields.Value v, JsonToken expected,
            String expectation) {
        if (v == null || v.token() == JsonToken.VALUE_NULL || v.token() == expected) {
            return null;
        }
        return wrongType(field, v, expectation);
    }

    private static OffsetDateTime parseTimestamp(String text) {
        if (text.length() > MAX_TIMESTAMP_CHARS) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ParseResult.Invalid missing(String field) {
        return new ParseResult.Invalid(ChatEventParser.MISSING_FIELD, field, field + " is required");
    }

    private static ParseResult.Invalid wrongType(String field, EventFields.Value v, String expectation) {
        return new ParseResult.Invalid(ChatEventParser.WRONG_TYPE, field,
                field + " must be " + expectation + ", got " + kind(v.token()));
    }

    private static ParseResult.Invalid invalidValue(String field, String detail) {
        return new ParseResult.Invalid(ChatEventParser.INVALID_VALUE, field, detail);
    }

    /** How a JSON token kind reads in an error detail. */
    static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a non-integral number";
            case VALUE_STRING -> "a string";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> token.name();
        };
    }

    private static ParseResult.Invalid firstNonNull(ParseResult.Invalid... checks) {
        for (ParseResult.Invalid check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }
}

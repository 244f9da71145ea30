package io.hookgate.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.hookgate.api.StrictJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Validates one chat event (a {@code chat.events} record value, or one item of {@code POST /v1/events})
 * against contract section 2. Stateless and thread-safe; one streaming pass, no tree is built.
 *
 * <p>Reason codes (the {@code hookgate-error} header on {@code chat.events.dlq}; stable, never renamed):
 * <table>
 * <caption>Reason codes: document-level first, then per field in the order listed</caption>
 * <tr><th>Code</th><th>Meaning</th></tr>
 * <tr><td>{@code too_large}</td><td>value over 1 MiB (checked before parsing), or a single number, string
 *     or name over Jackson's length limits</td></tr>
 * <tr><td>{@code not_utf8}</td><td>bytes are not strict UTF-8 (malformed, overlong, encoded surrogates), or
 *     a <code>&#92;uXXXX</code> escape yields an unpaired surrogate: valid JSON syntax, but no subscriber could
 *     receive it as UTF-8, so it is rejected here rather than failing at send time</td></tr>
 * <tr><td>{@code not_json}</td><td>empty, not RFC 8259 JSON, or starts with a byte order mark</td></tr>
 * <tr><td>{@code duplicate_key}</td><td>an object, at any depth, repeats a key</td></tr>
 * <tr><td>{@code too_deep}</td><td>objects/arrays nested deeper than 64 (the root object is level 1)</td></tr>
 * <tr><td>{@code trailing_data}</td><td>anything but whitespace after the first JSON value</td></tr>
 * <tr><td>{@code not_object}</td><td>valid JSON whose root is not an object</td></tr>
 * <tr><td>{@code missing_field}</td><td>a required field is absent: {@code message_id}, {@code channel},
 *     {@code timestamp}, {@code message_type}</td></tr>
 * <tr><td>{@code wrong_type}</td><td>a required field is null or of another JSON type ({@code message_id}
 *     must be an integral JSON number or a string; {@code 1.0}, {@code 1e3} are not integral), or
 *     {@code message} is not a string, or {@code meta} not an object (both may be null)</td></tr>
 * <tr><td>{@code invalid_value}</td><td>right type, bad value: {@code message_id} empty or over 128 chars;
 *     {@code channel} not 1–128 chars or containing control characters; {@code timestamp} not ISO-8601
 *     with offset, or its year (as written) outside 0001–9999, which the store could not hold; {@code message_type} not 1–64 chars; {@code message} over 65,536 UTF-8 bytes
 *     (of the decoded string)</td></tr>
 * </table>
 * "Chars" are Unicode code points. Other fields are not checked and, like unknown fields, are kept.
 */
@Singleton
public final class ChatEventParser {

    /** Largest accepted value, in bytes (1 MiB). */
    public static final int MAX_VALUE_BYTES = 1024 * 1024;

    public static final String TOO_LARGE = "too_large";
    public static final String NOT_UTF8 = "not_utf8";
    public static final String NOT_JSON = "not_json";
    public static final String NOT_OBJECT = "not_object";
    public static final String DUPLICATE_KEY = "duplicate_key";
    public static final String TOO_DEEP = "too_deep";
    public static final String TRAILING_DATA = "trailing_data";
    public static final String MISSING_FIELD = "missing_field";
    public static final String WRONG_TYPE = "wrong_type";
    public static final String INVALID_VALUE = "invalid_value";

    /** Validates one serialized chat event; never throws for any input. */
    public ParseResult parse(byte[] value) {
        if (value == null) {
            return new ParseResult.Invalid(NOT_JSON, "no value (tombstone record)");
        }
        if (value.length > MAX_VALUE_BYTES) {
            return new ParseResult.Invalid(TOO_LARGE, "value is " + value.length + " bytes, more than " + MAX_VALUE_BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        String raw;
        try {
            raw = strictUtf8().decode(in).toString();
        } catch (CharacterCodingException e) {
            return new ParseResult.Invalid(NOT_UTF8, "invalid UTF-8 at byte " + in.position());
        }
        if (!raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
            return new ParseResult.Invalid(NOT_JSON, "starts with a byte order mark");
        }
        // before the JSON parse, so that keys and values give the same code (Jackson rejects it in keys only)
        int surrogate = Text.loneSurrogateEscape(raw);
        if (surrogate >= 0) {
            return new ParseResult.Invalid(NOT_UTF8, "escape " + raw.substring(surrogate, surrogate + 6)
                    + " at char " + surrogate + " is an unpaired surrogate, not encodable as UTF-8");
        }
        EventFields fields = new EventFields();
        ParseResult.Invalid syntax = readTopLevel(value, fields);
        if (syntax != null) {
            return syntax;
        }
        return EventFieldRules.validate(fields, raw);
    }

    /** Rejects malformed, overlong and surrogate-encoding sequences instead of replacing them. */
    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Walks the whole document once: syntax, duplicates, depth and trailing data; captures top-level fields. */
    private static ParseResult.Invalid readTopLevel(byte[] value, EventFields fields) {
        boolean afterRoot = false;
        try (JsonParser p = StrictJson.FACTORY.createParser(value)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return new ParseResult.Invalid(NOT_JSON, "empty value");
            }
            boolean object = token == JsonToken.START_OBJECT;
            if (object) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.capture(name, p);
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            afterRoot = true;
            if (p.nextToken() != null) {
                return new ParseResult.Invalid(TRAILING_DATA, "more than one JSON value");
            }
            return object ? null
                    : new ParseResult.Invalid(NOT_OBJECT, "an event must be a JSON object, got "
                            + EventFieldRules.kind(token));
        } catch (JsonProcessingException e) {
            return JsonReadFailures.classify(e, afterRoot);
        } catch (IOException e) {
            return new ParseResult.Invalid(NOT_JSON, "unreadable JSON");
        }
    }
}

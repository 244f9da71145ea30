package io.hookgate.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.hookgate.api.StrictJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders webhook bodies from a stored event (type name, timestamp string, raw JSON text). Pure and
 * deterministic: the same input always gives the same bytes, which are exactly the bytes signed and sent.
 * Input raw JSON must have passed {@link ChatEventParser}.
 */
@Singleton
public final class PayloadFormatter {

    private static final JsonFactory WRITER = new JsonFactory();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    /**
     * {@code {"type":"<type>","timestamp":"<timestamp>","data":<rawJson>}}, built by concatenation so that
     * {@code data} is the event byte for byte as received (whitespace and key order included).
     */
    public byte[] standard(String eventType, String timestamp, String rawJson) {
        byte[] head = ("{\"type\":" + quote(eventType) + ",\"timestamp\":" + quote(timestamp) + ",\"data\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] data = rawJson.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + data.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        body[body.length - 1] = '}';
        return body;
    }

    /** The standard body of a chat event for its event type. */
    public byte[] standard(EventType type, ChatEvent event) {
        return standard(type.wireName(), event.timestamp(), event.rawJson());
    }

    /**
     * The eventyay body: the event's {@linkplain #writeCanonical canonical form}, which is also what its id is
     * computed from, as UTF-8.
     */
    public byte[] eventyay(String rawJson) {
        StringWriter out = new StringWriter(rawJson.length());
        writeCanonical(rawJson, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the canonical form of a chat event: compact, object keys sorted recursively by Unicode code point
     * (Python's {@code sort_keys} order), array order kept. Numbers are copied as their literal text, so
     * {@code 2432232314}, {@code 1e400} or {@code -0.0} never change and {@code 1}, {@code 1.0} and {@code 1e0}
     * stay distinct; strings are written by value with minimal escaping (quote, backslash, control characters),
     * so {@code "\u00e9"} and {@code "é"} are the same string, while Unicode is not normalised.
     */
    public static void writeCanonical(String rawJson, Writer out) {
        // a char-based generator: Jackson's byte generator would escape astral chars as surrogate pairs
        try (JsonParser p = StrictJson.FACTORY.createParser(rawJson);
                JsonGenerator g = WRITER.createGenerator(out)) {
            Node root = read(p, p.nextToken());
            write(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event is not valid JSON", e);
        }
    }

    /** The {@code data} of a {@code webhook.ping}: {@code {"subscription_id":"<id>"}}. */
    public static String pingData(String subscriptionId) {
        return "{\"subscription_id\":" + quote(subscriptionId) + "}";
    }

    /** The {@code webhook.ping} body; {@code at} is written in UTC with millisecond precision. */
    public byte[] ping(String subscriptionId, Instant at) {
        String timestamp = DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
        return standard(EventType.WEBHOOK_PING.wireName(), timestamp, pingData(subscriptionId));
    }

    private static String quote(String s) {
        return '"' + new String(ENCODER.quoteAsString(s)) + '"';
    }

    /** A parsed JSON value that keeps scalars as their literal text. */
    private sealed interface Node permits Obj, Arr, Leaf {
    }

    private record Obj(Map<String, Node> members) implements Node {
    }

    private record Arr(List<Node> items) implements Node {
    }

    private record Leaf(JsonToken token, String text) implements Node {
    }

    private static Node read(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> members = new TreeMap<>(PayloadFormatter::compareCodePoints);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                members.put(name, read(p, p.nextToken()));
            }
            return new Obj(members);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                items.add(read(p, t));
            }
            return new Arr(items);
        }
        if (token == null) {
            throw new IOException("empty document");
        }
        return new Leaf(token, p.getText());
    }

    private static void write(JsonGenerator g, Node node) throws IOException {
        if (node instanceof Obj obj) {
            g.writeStartObject();
            for (Map.Entry<String, Node> member : obj.members().entrySet()) {
                g.writeFieldName(member.getKey());
                write(g, member.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof Arr arr) {
            g.writeStartArray();
            for (Node item : arr.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            writeLeaf(g, (Leaf) node);
        }
    }

    private static void writeLeaf(JsonGenerator g, Leaf leaf) throws IOException {
        switch (leaf.token()) {
            case VALUE_STRING -> g.writeString(leaf.text());
            // literal text: no round trip through double/BigDecimal
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(leaf.text());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            default -> throw new IOException("unexpected token " + leaf.token());
        }
    }

    /** Orders by Unicode code point, as Python's str comparison does (UTF-16 order differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

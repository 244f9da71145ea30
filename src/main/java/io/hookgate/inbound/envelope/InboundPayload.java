package io.hookgate.inbound.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hookgate.api.StrictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A verified request body, classified once for the {@code inbound.events} record and the renderers:
 * <ul>
 *   <li>{@link Json}: strict UTF-8 that is one strict RFC 8259 value (no duplicate keys, nesting ≤ 64, nothing
 *       after it, no byte order mark); recorded verbatim as JSON;
 *   <li>{@link Text}: strict UTF-8 that is not such JSON (form posts, plain text, JSON with duplicate keys...);
 *       recorded as a JSON string;
 *   <li>{@link Binary}: not UTF-8; recorded as a base64 string, so no byte is lost or replaced.
 * </ul>
 * {@link #encoding()} ({@code json}, {@code text}, {@code base64}) tells consumers which it is.
 */
public sealed interface InboundPayload {

    /** The value of {@code payload_encoding}. */
    String encoding();

    /** The parsed tree for routing and rendering; a missing node unless this is {@link Json}. */
    default JsonNode tree() {
        return MissingNode.getInstance();
    }

    /** A JSON body: {@code text} is the decoded body exactly as received, {@code tree} its parse. */
    record Json(String text, JsonNode tree) implements InboundPayload {
        public Json {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(tree, "tree");
        }

        @Override
        public String encoding() {
            return "json";
        }
    }

    /** A UTF-8 body that is not strict JSON. */
    record Text(String text) implements InboundPayload {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String encoding() {
            return "text";
        }
    }

    /** A body that is not valid UTF-8. */
    record Binary(byte[] bytes) implements InboundPayload {
        public Binary {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String encoding() {
            return "base64";
        }
    }

    /** Classifies {@code body}; never throws for any bytes. */
    static InboundPayload of(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Binary(body);
        }
        // a BOM would end up inside the record verbatim, and is not JSON by RFC 8259
        if (text.isEmpty() || text.charAt(0) == '\uFEFF') {
            return new Text(text);
        }
        try {
            // from the decoded text, not the bytes: Jackson would sniff UTF-16/32 from leading NULs
            JsonNode tree = StrictJson.MAPPER.readTree(text);
            return tree == null || tree.isMissingNode() ? new Text(text) : new Json(text, tree);
        } catch (IOException | RuntimeException e) {
            return new Text(text);
        }
    }
}

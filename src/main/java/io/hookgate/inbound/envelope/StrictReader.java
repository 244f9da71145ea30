package io.hookgate.inbound.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The strict JSON reader for inbound bodies: the chat-event parser's rules (contract section 5: strict RFC 8259,
 * duplicate keys and nesting deeper than 64 rejected, nothing after the value). Its own copy because
 * {@code io.hookgate.event.StrictJson} is package-private.
 */
final class StrictReader {

    /** Deepest nesting accepted, the root counting as 1. */
    static final int MAX_DEPTH = 64;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictReader() {
    }
}

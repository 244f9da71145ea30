package io.hookgate.api;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one strict JSON reader (contract section 5), thread-safe and shared by the chat-event parser and the inbound
 * bodies: strict RFC 8259 (no comments, NaN, leading zeros...), duplicate keys and nesting deeper than 64 rejected.
 */
public final class StrictJson {

    /** Maximum nesting of objects and arrays, the root counting as 1 (contract section 5). */
    public static final int MAX_DEPTH = 64;

    /** The strict streaming factory; error messages quote at most a token's first 32 characters. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            // error messages end up in DLQ headers and logs: never quote more than a token's first 32 chars
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(32).maxRawContentLength(0).build())
            .build();

    /** A tree mapper on a copy of {@link #FACTORY} (a mapper sets its factory's codec), data after the value rejected. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY.copy())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }
}

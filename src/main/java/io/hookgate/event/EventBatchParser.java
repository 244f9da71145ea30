package io.hookgate.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hookgate.api.StrictJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a {@code POST /v1/events} body: a single chat event, or {@code {"events": [...]}} (an object
 * whose only key is {@code events}). Each batch item is validated from its exact bytes in the body, so
 * what is produced to Kafka, and later delivered, is the item as the client sent it.
 *
 * <p>Suggested HTTP mapping for a {@link IntakeBody.Rejected} body: {@code too_large} → 413;
 * {@code not_utf8}, {@code not_json}, {@code duplicate_key}, {@code too_deep}, {@code trailing_data},
 * {@code not_object} → 400; {@code wrong_type}, {@code invalid_value}, {@code too_many_events} → 422.
 */
@Singleton
public final class EventBatchParser {

    /** Reason code: a batch with more than {@link #MAX_EVENTS} items. */
    public static final String TOO_MANY_EVENTS = "too_many_events";
    /** Largest batch, from the contract. */
    public static final int MAX_EVENTS = 500;

    private static final String EVENTS = "events";

    /** What the body holds. */
    public sealed interface IntakeBody {

        /** The body as a whole is unusable; nothing of it may be produced. */
        record Rejected(ParseResult.Invalid reason) implements IntakeBody {
            public Rejected {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** One result per event, in body order; {@code batch} is false for a single-event body. */
        record Events(List<ParseResult> results, boolean batch) implements IntakeBody {
            public Events {
                results = List.copyOf(results);
            }

            /** True if every event is valid, i.e. the request may be produced. */
            public boolean allValid() {
                return results.stream().allMatch(ParseResult.Valid.class::isInstance);
            }
        }
    }

    private final ChatEventParser parser;

    public EventBatchParser(ChatEventParser parser) {
        this.parser = parser;
    }

    /** Classifies and validates a request body; never throws for any input. */
    public IntakeBody parse(byte[] body) {
        ParseResult whole = parser.parse(body);
        if (whole instanceof ParseResult.Invalid invalid && invalid.documentLevel()) {
            return new IntakeBody.Rejected(invalid);
        }
        // the whole body is now known to be a well-formed, strict, UTF-8 JSON object
        BatchShape shape;
        try {
            shape = batchShape(body);
        } catch (IOException e) {
            return new IntakeBody.Rejected(new ParseResult.Invalid(ChatEventParser.NOT_JSON, "unreadable JSON"));
        }
        if (shape == null) {
            return new IntakeBody.Events(List.of(whole), false);
        }
        if (shape.slices() == null) {
            return new IntakeBody.Rejected(new ParseResult.Invalid(ChatEventParser.WRONG_TYPE, EVENTS,
                    "events must be an array, got " + EventFieldRules.kind(shape.eventsToken())));
        }
        return batch(body, shape.slices());
    }

    private IntakeBody batch(byte[] body, List<int[]> slices) {
        if (slices.isEmpty()) {
            return new IntakeBody.Rejected(new ParseResult.Invalid(ChatEventParser.INVALID_VALUE, EVENTS,
                    "events must not be empty"));
        }
        if (slices.size() > MAX_EVENTS) {
            return new IntakeBody.Rejected(new ParseResult.Invalid(TOO_MANY_EVENTS, EVENTS,
                    "events has " + slices.size() + " items, at most " + MAX_EVENTS + " are allowed"));
        }
        List<ParseResult> results = new ArrayList<>(slices.size());
        for (int[] slice : slices) {
            results.add(slice == null
                    ? new ParseResult.Invalid(ChatEventParser.NOT_OBJECT, "each item of events must be a JSON object")
                    : parser.parse(Arrays.copyOfRange(body, slice[0], slice[1])));
        }
        return new IntakeBody.Events(results, true);
    }

    /**
     * The shape of a batch body: byte ranges [start, end) of its items (null entries for non-object
     * items; null list if {@code events} is not an array). Null if the body's only key is not {@code events}.
     */
    private record BatchShape(JsonToken eventsToken, List<int[]> slices) {
    }

    private static BatchShape batchShape(byte[] body) throws IOException {
        try (JsonParser p = StrictJson.FACTORY.createParser(body)) {
            p.nextToken();
            if (p.nextToken() != JsonToken.FIELD_NAME || !EVENTS.equals(p.currentName())) {
                return null;
            }
            JsonToken value = p.nextToken();
            List<int[]> slices = value == JsonToken.START_ARRAY ? readItems(p) : null;
            p.skipChildren();
            return p.nextToken() == JsonToken.END_OBJECT ? new BatchShape(value, slices) : null;
        }
    }

    private static List<int[]> readItems(JsonParser p) throws IOException {
        List<int[]> slices = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
            long start = p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            slices.add(item == JsonToken.START_OBJECT
                    ? new int[] {(int) start, (int) p.currentLocation().getByteOffset()}
                    : null);
        }
        return slices;
    }
}

package io.hookgate.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Optional;

/**
 * Turns Jackson read failures into 400 problems with short details of our own. Jackson's messages name Java
 * classes and quote input, so they are never echoed.
 */
public final class JsonErrors {

    private static final int NAME_CHARS = 64;

    private JsonErrors() {
    }

    /** The client-facing problem, or empty when the failure is a server-side mapping bug (a 500). */
    public static Optional<ProblemException> toProblem(Throwable failure) {
        StreamConstraintsException limit = find(failure, StreamConstraintsException.class);
        if (limit != null) {
            return Optional.of(malformed(limitDetail(limit)));
        }
        JsonProcessingException e = find(failure, JsonProcessingException.class);
        if (e == null || e instanceof InvalidDefinitionException) {
            return Optional.empty();
        }
        return Optional.of(describe(e));
    }

    private static ProblemException describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ProblemException(400, "unknown-field", "Bad Request",
                    "unknown field '" + field + "'", List.of(new ProblemException.FieldError(field, "unknown field")));
        }
        if (original.startsWith("Trailing token")) {
            return malformed("unexpected data after the JSON value");
        }
        if (e instanceof InvalidNullException) {
            return wrongValue(path((JsonMappingException) e), "must not be null");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (!field.isEmpty()) {
                return wrongValue(field, "has the wrong JSON type");
            }
            return malformed(endOfInput(original)
                    ? "request body is empty or truncated"
                    : "request body has the wrong JSON type");
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return field.isEmpty() ? malformed("request body is not valid") : wrongValue(field, "is not valid");
        }
        if (e instanceof JsonEOFException) {
            return malformed("truncated JSON" + at(e.getLocation()));
        }
        if (original.startsWith("Duplicate field")) {
            return malformed("duplicate key" + at(e.getLocation()));
        }
        return malformed("malformed JSON" + at(e.getLocation()));
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-json", "Bad Request", detail);
    }

    private static ProblemException wrongValue(String field, String message) {
        return new ProblemException(400, "invalid-json-value", "Bad Request", "field '" + field + "' " + message,
                List.of(new ProblemException.FieldError(field, message)));
    }

    private static String limitDetail(StreamConstraintsException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.contains("nesting depth")) {
            return "JSON nesting is too deep";
        }
        if (original.startsWith("Number value length")) {
            return "a JSON number is too long";
        }
        if (original.startsWith("String value length")) {
            return "a JSON string is too long";
        }
        return "JSON exceeds a size limit";
    }

    private static boolean endOfInput(String original) {
        return original.startsWith("No content to map") || original.contains("end-of-input");
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The JSON path of the failing value, such as {@code channels[2]}; empty for the root. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(TextRules.printable(ref.getFieldName(), NAME_CHARS));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable t = failure;
        // bounded: a cause chain may, in theory, loop
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

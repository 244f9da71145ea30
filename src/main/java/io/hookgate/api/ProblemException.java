package io.hookgate.api;

import java.util.List;

/**
 * An expected failure that becomes an RFC 9457 problem response. The type is a short slug such as
 * {@code egress-denied}; it is published as {@code https://hookgate.io/problems/<slug>}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not Found", what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad Request", detail);
    }

    /** A malformed or out-of-range query or path parameter: 400, naming the parameter. */
    public static ProblemException invalidParam(String parameter, String message) {
        return new ProblemException(400, "bad-request", "Bad Request", message,
                List.of(new FieldError(parameter, message)));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(422, "validation-failed", "Unprocessable Content", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid("the request is not valid", List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field-level validation error. */
    public record FieldError(String field, String message) {
    }
}

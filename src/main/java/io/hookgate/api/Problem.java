package io.hookgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ProblemException.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://hookgate.io/problems/";

    public static Problem of(ProblemException e) {
        return new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), e.errors());
    }
}

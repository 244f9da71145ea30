package io.hookgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds {@code application/problem+json} responses; usable from mappers, filters and Vert.x routes alike. */
public final class ProblemResponses {

    // a private mapper: problem bodies must not depend on the app's (customisable) serialisation settings
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /** A problem with the slug and title that belong to this status. */
    public static Problem problem(int status, String detail) {
        return new Problem(Problem.TYPE_BASE + slug(status), title(status), status, detail, List.of());
    }

    /** The JAX-RS response carrying this problem. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(bytes(problem)).build();
    }

    /** The response for an expected failure. */
    public static Response response(ProblemException e) {
        return response(Problem.of(e));
    }

    /** The serialised body. */
    public static byte[] bytes(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // a record of strings and ints always serialises; keep a valid body regardless
            return ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The problem-type slug used for a bare HTTP status. */
    public static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "validation-failed";
            case 429 -> "too-many-requests";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    /** The title of a bare HTTP status. */
    public static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "HTTP " + status : known.getReasonPhrase();
            }
        };
    }
}

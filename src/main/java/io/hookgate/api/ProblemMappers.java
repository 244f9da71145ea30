package io.hookgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as RFC 9457 problem+json: expected failures with their own detail, JSON and HTTP protocol
 * errors with a short detail of ours, anything else as an opaque 500 carrying only a correlation id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.response(e);
    }

    // the specific Jackson types shadow the built-in mappers of quarkus-rest-jackson, which echo Jackson's text
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class})
    public Response json(Exception e, HttpServerRequest request) {
        return clientFailure(e).orElseGet(() -> unexpected(e, request));
    }

    @ServerExceptionMapper({WebApplicationException.class, NotFoundException.class, NotAllowedException.class,
            NotSupportedException.class, NotAcceptableException.class})
    public Response http(WebApplicationException e, HttpServerRequest request) {
        Optional<Response> client = clientFailure(e.getCause());
        if (client.isPresent()) {
            return client.get();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        Response response = ProblemResponses.response(ProblemResponses.problem(status, httpDetail(status)));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return clientFailure(e).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            // method and path only: query strings and bodies may carry secrets
            LOG.errorf(e, "unexpected error %s on %s %s", id, request.method(), request.path());
            return ProblemResponses.response(
                    ProblemResponses.problem(500, "unexpected error; correlation id " + id));
        });
    }

    /** A problem the client caused, found anywhere in the cause chain (Jackson wraps what it reads through). */
    private static Optional<Response> clientFailure(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Optional.of(ProblemResponses.response(problem));
            }
        }
        return JsonErrors.toProblem(e).map(ProblemResponses::response);
    }

    private static String httpDetail(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource only produces application/json";
            case 413 -> "request body is too large";
            case 415 -> "send the request body as application/json";
            default -> ProblemResponses.title(status);
        };
    }
}

package io.hookgate.pull.api;

import io.hookgate.api.Problem;
import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemResponses;
import io.hookgate.pull.wake.TooManyWaitersException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused wait, as a problem the client can retry: 503 when the replica holds all the waiters it may (every
 * tenant is refused), 429 when the caller's tenant holds its share (only that tenant is); both with Retry-After.
 */
public class TooManyWaitersMapper {

    /** Seconds a refused client should wait before it asks again. */
    static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response problem(TooManyWaitersException e) {
        return Response.fromResponse(ProblemResponses.response(refusal(e)))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** The same answer on a Vert.x response, for the routes below the REST layer. */
    static void answer(HttpServerResponse response, TooManyWaitersException e) {
        Problem problem = Problem.of(refusal(e));
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .end(Buffer.buffer(ProblemResponses.bytes(problem)));
    }

    static ProblemException refusal(TooManyWaitersException e) {
        return e.bound() == TooManyWaitersException.Bound.TENANT
                ? new ProblemException(429, "too-many-waiters", "Too Many Requests", e.getMessage())
                : new ProblemException(503, "too-many-waiters", "Service Unavailable", e.getMessage());
    }
}

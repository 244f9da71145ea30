package io.hookgate.pull.api;

import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemResponses;
import io.hookgate.pull.wake.TooManyWaitersException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A wait refused because the replica holds as many waiters as it may: 503, a problem the client can retry. */
public class TooManyWaitersMapper {

    @ServerExceptionMapper
    public Response problem(TooManyWaitersException e) {
        return ProblemResponses.response(problem503(e));
    }

    static ProblemException problem503(TooManyWaitersException e) {
        return new ProblemException(503, "too-many-waiters", "Service Unavailable", e.getMessage());
    }
}

package io.hookgate.ops;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint whose failures stand in for bugs. */
@Path("/v1/test-only/failures")
public class FailingTestResource {

    @GET
    public String fail() {
        throw new IllegalStateException("internal state java.lang.secret at io.hookgate.Hidden");
    }
}

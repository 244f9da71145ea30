package io.hookgate.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request body limits (SPEC section 5): 1 MiB for event intake, 64 KiB for every other API call. A declared
 * Content-Length is checked before the body is read; chunked bodies are counted by {@link BoundedBodyInterceptor}.
 */
@ApplicationScoped
public class BodyLimits {

    /** Largest body of {@code POST /v1/events}. */
    public static final long INTAKE_LIMIT = 1024 * 1024;
    /** Largest body of any other call. */
    public static final long API_LIMIT = 64 * 1024;
    /** Request property holding the limit for the reader interceptor. */
    static final String PROPERTY = "hookgate.body-limit";

    /** The body limit for a request; the intake path gets the larger one. */
    public static long limitFor(String method, String path) {
        boolean intake = "POST".equalsIgnoreCase(method) && ("/v1/events".equals(path) || "/v1/events/".equals(path));
        return intake ? INTAKE_LIMIT : API_LIMIT;
    }

    /** True for the paths of the REST API. */
    public static boolean isApiPath(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    // runs just before Quarkus' own max-body-size check, so oversized requests also get a problem body
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkDeclaredLength);
    }

    @ServerRequestFilter(preMatching = true)
    public void markLimit(ContainerRequestContext context) {
        context.setProperty(PROPERTY, limitFor(context.getMethod(), context.getUriInfo().getPath()));
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = ctx.normalizedPath();
        if (declared == null) {
            ctx.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared);
        } catch (NumberFormatException e) {
            ctx.next();
            return;
        }
        // outside the API only Quarkus' global 1 MiB limit applies, but it too must answer with a problem
        long limit = isApiPath(path) ? limitFor(ctx.request().method().name(), path) : INTAKE_LIMIT;
        if (length <= limit) {
            ctx.next();
            return;
        }
        byte[] body = ProblemResponses.bytes(ProblemResponses.problem(413,
                "request body is larger than " + limit / 1024 + " KiB"));
        // the unread body would otherwise still be streamed at us; Quarkus closes in this case as well
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(body));
    }
}

package io.hookgate.inbound.ingest;

import io.hookgate.inbound.InboundConfig;
import io.hookgate.inbound.source.SourceLookup;
import io.hookgate.inbound.source.SourceRow;
import io.hookgate.inbound.verify.InboundHeaders;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code POST|GET /v1/inbound/{source_id}}: the public ingest endpoint (SPEC section 12). A plain Vert.x route
 * ahead of the REST layer, so no API key applies, and the body is streamed against {@code hookgate.inbound.max-body}
 * instead of being buffered first. Order: client rate, declared length, source (404), source rate, address (403),
 * body (413), then {@link IngestService}. Every answer is counted once.
 */
@ApplicationScoped
public class IngestRoute {

    static final String PREFIX = "/v1/inbound/";
    private static final Logger LOG = Logger.getLogger(IngestRoute.class);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CHALLENGE = Pattern.compile("[\\x21-\\x7e]{1,256}");

    private final SourceLookup sources;
    private final IngestService service;
    private final IngestLimits limits;
    private final InboundMetrics metrics;
    private final long maxBody;

    public IngestRoute(SourceLookup sources, IngestService service, IngestLimits limits, InboundMetrics metrics,
            InboundConfig config) {
        this.sources = sources;
        this.service = service;
        this.limits = limits;
        this.metrics = metrics;
        this.maxBody = config.maxBody().asLongValue();
    }

    // ahead of the body limits of the REST API (BodyLimits) and Quarkus' own upload limit
    void install(@Observes Router router) {
        router.route("/v1/inbound/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        Context context = Vertx.currentContext();
        String unknown = InboundMetrics.UNKNOWN_TYPE;
        String client = request.remoteAddress() == null || request.remoteAddress().host() == null ? "unknown"
                : request.remoteAddress().host();
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.GET) {
            answer(ctx, IngestAnswer.problem(IngestOutcome.METHOD_NOT_ALLOWED, unknown, "use POST, or GET"
                    + " with ?challenge="));
            return;
        }
        if (!limits.tryClient(client)) {
            answer(ctx, IngestAnswer.problem(IngestOutcome.RATE_LIMITED, unknown, "too many requests from this"
                    + " address"));
            return;
        }
        if (declaredTooLarge(request)) {
            answer(ctx, tooLarge(unknown));
            return;
        }
        Optional<UUID> id = sourceId(ctx.normalizedPath());
        if (id.isEmpty()) {
            answer(ctx, notFound());
            return;
        }
        sources.find(id.get())
                .chain(found -> found.map(source -> admitted(ctx, source, client, method))
                        .orElseGet(() -> Uni.createFrom().item(notFound())))
                .subscribe().with(a -> context.runOnContext(v -> answer(ctx, a)),
                        e -> context.runOnContext(v -> failed(ctx, e)));
    }

    private Uni<IngestAnswer> admitted(RoutingContext ctx, SourceRow source, String client, HttpMethod method) {
        String type = source.type().wire();
        if (!limits.trySource(source.id().toString())) {
            return Uni.createFrom().item(IngestAnswer.problem(IngestOutcome.RATE_LIMITED, type,
                    "too many requests for this source"));
        }
        if (!ClientAddress.allowed(source.allowCidrs(), client)) {
            return Uni.createFrom().item(IngestAnswer.problem(IngestOutcome.FORBIDDEN_ADDRESS, type,
                    "this address may not send to this source"));
        }
        if (method == HttpMethod.GET) {
            String token = ctx.request().getParam("challenge");
            return Uni.createFrom().item(token != null && CHALLENGE.matcher(token).matches()
                    ? IngestAnswer.challenge(type, token)
                    : IngestAnswer.problem(IngestOutcome.BAD_REQUEST, type,
                            "GET needs ?challenge= with 1-256 printable characters"));
        }
        return body(ctx).chain(body -> body == null ? Uni.createFrom().item(tooLarge(type))
                : service.ingest(source, InboundHeaders.of(ctx.request().headers()), body));
    }

    /** The body, read up to the limit; null once it exceeds it (the rest is never read: the answer closes). */
    private Uni<byte[]> body(RoutingContext ctx) {
        if (ctx.body().available()) {
            Buffer buffer = ctx.body().buffer();
            return Uni.createFrom().item(buffer == null ? new byte[0]
                    : buffer.length() > maxBody ? null : buffer.getBytes());
        }
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            return Uni.createFrom().item(new byte[0]);
        }
        return Uni.createFrom().emitter(emitter -> {
            Buffer read = Buffer.buffer();
            request.handler(chunk -> {
                if (read.length() + chunk.length() > maxBody) {
                    request.pause();
                    request.handler(null);
                    emitter.complete(null);
                } else {
                    read.appendBuffer(chunk);
                }
            });
            request.endHandler(v -> emitter.complete(read.getBytes()));
            request.exceptionHandler(emitter::fail);
            request.resume();
        });
    }

    private boolean declaredTooLarge(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return false;
        }
        try {
            return Long.parseLong(declared.strip()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Optional<UUID> sourceId(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        return UUID_TEXT.matcher(rest).matches() ? Optional.of(UUID.fromString(rest)) : Optional.empty();
    }

    private IngestAnswer tooLarge(String type) {
        return IngestAnswer.problem(IngestOutcome.TOO_LARGE, type, "request body is larger than "
                + maxBody / 1024 + " KiB");
    }

    private static IngestAnswer notFound() {
        return IngestAnswer.problem(IngestOutcome.UNKNOWN_SOURCE, InboundMetrics.UNKNOWN_TYPE, "source not found");
    }

    private void failed(RoutingContext ctx, Throwable e) {
        // the database or a worker failed: the sender's retry is safe, nothing was produced
        LOG.warnf("inbound request failed: %s", e.toString());
        answer(ctx, IngestAnswer.problem(IngestOutcome.UNAVAILABLE, InboundMetrics.UNKNOWN_TYPE,
                "temporarily unavailable; retrying is safe"));
    }

    private void answer(RoutingContext ctx, IngestAnswer answer) {
        metrics.count(answer.type(), answer.result());
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (answer.status() == 429) {
            response.putHeader("Retry-After", "1");
        }
        if (!ctx.request().isEnded()) {
            // the unread rest of the body would otherwise still be streamed at us
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(answer.body()));
    }
}

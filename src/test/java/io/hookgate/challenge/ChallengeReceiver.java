package io.hookgate.challenge;

import io.hookgate.support.FreshPorts;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP receiver for handshake tests that answers every request as its handler says. */
public final class ChallengeReceiver implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServerRequest> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Handler<HttpServerRequest> handler;

    private ChallengeReceiver(Handler<HttpServerRequest> handler) throws Exception {
        this.handler = handler;
        this.server = FreshPorts.listen(() -> vertx.createHttpServer().requestHandler(request -> {
            requests.add(request);
            this.handler.handle(request);
        }), "127.0.0.1");
    }

    public static ChallengeReceiver start(Handler<HttpServerRequest> handler) throws Exception {
        return new ChallengeReceiver(handler);
    }

    /** Echoes the token as {@code {"challenge": "<token>"}}. */
    public static ChallengeReceiver jsonEcho() throws Exception {
        return start(ChallengeReceiver::answerJson);
    }

    /** Echoes the bare token as text/plain with a trailing newline. */
    public static ChallengeReceiver textEcho() throws Exception {
        return start(r -> r.response().putHeader("content-type", "text/plain; charset=utf-8")
                .end(r.getParam("challenge") + "\n"));
    }

    /** Answers with a fixed status and no echo. */
    public static ChallengeReceiver status(int status) throws Exception {
        return start(r -> r.response().setStatusCode(status).end());
    }

    /** Replies with JSON carrying a different token. */
    public static ChallengeReceiver wrongToken() throws Exception {
        return start(r -> r.response().putHeader("content-type", "application/json")
                .end("{\"challenge\":\"not-" + r.getParam("challenge") + "\"}"));
    }

    /** Redirects to another URL (which a handshake must never follow). */
    public static ChallengeReceiver redirectTo(String location) throws Exception {
        return start(r -> r.response().setStatusCode(302).putHeader("location", location).end());
    }

    /** Accepts the request and never answers. */
    public static ChallengeReceiver hang() throws Exception {
        return start(r -> { });
    }

    public static void answerJson(HttpServerRequest r) {
        r.response().putHeader("content-type", "application/json")
                .end("{\"challenge\":\"" + r.getParam("challenge") + "\"}");
    }

    /** Changes how later requests are answered. */
    public void answerWith(Handler<HttpServerRequest> next) {
        this.handler = next;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hook";
    }

    public int requestCount() {
        return requests.size();
    }

    public List<HttpServerRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

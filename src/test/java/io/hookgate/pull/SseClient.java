package io.hookgate.pull;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client over the JDK's HTTP client: one connection, events parsed as they come. */
final class SseClient implements AutoCloseable {

    /** One event; {@code comment} is set for a comment-only block (a heartbeat). */
    record Event(String id, String name, String data, String comment) {
    }

    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    static SseClient open(String apiKey, String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(response);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** The next {@code n} events that carry data (comments skipped), waiting at most {@code max}. */
    List<Event> take(int n, Duration max) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            List<Event> events = new ArrayList<>();
            while (events.size() < n) {
                Event e = next();
                if (e.data() != null) {
                    events.add(e);
                }
            }
            return events;
        }).get(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event block, comments included. */
    Event next() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        String comment = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (id != null || name != null || data != null || comment != null) {
                    return new Event(id, name, data == null ? null : data.toString(), comment);
                }
                continue;
            }
            if (line.startsWith(":")) {
                comment = line.substring(1).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
            } else if (!line.startsWith("retry:")) {
                // EventSource ignores other fields; a server that sends them relies on something clients drop
                throw new IllegalStateException("not a Server-Sent Events field: " + line);
            }
        }
        throw new IllegalStateException("the stream ended");
    }

    @Override
    public void close() {
        response.body().close();
    }
}

package io.hookgate.pull.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.pull.PullConfig;
import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullMessage;
import io.hookgate.pull.PullMetrics;
import io.hookgate.pull.PullReader;
import io.hookgate.pull.PullRenderer;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of one SSE stream. Each step is one long-poll of up to {@code hookgate.pull.heartbeat}: its messages become events,
 * or, when none came, a comment line that keeps proxies from closing the idle connection. The next step runs only
 * when the client has taken the previous events (back-pressure), and a disconnect cancels the pending step, which
 * forgets its waiter: an idle stream holds no thread and no database connection.
 */
@ApplicationScoped
public class PullStream {

    static final int BATCH = 100;

    private final PullReader reader;
    private final PullRenderer renderer;
    private final PullMetrics metrics;
    private final ObjectMapper mapper;
    private final Duration heartbeat;

    public PullStream(PullReader reader, PullRenderer renderer, PullMetrics metrics, ObjectMapper mapper,
            PullConfig config) {
        if (config.heartbeat().compareTo(Duration.ofSeconds(1)) < 0
                || config.heartbeat().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("hookgate.pull.heartbeat must be from 1s to 5m");
        }
        this.heartbeat = config.heartbeat();
        this.reader = reader;
        this.renderer = renderer;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    /** Where a stream starts: after {@code from}, or at the oldest retained message. */
    public record Start(SubscriptionRow subscription, Optional<PullCursor> from) {
    }

    /** The stream's position; only the one step in flight touches it. */
    private static final class Position {
        private Optional<PullCursor> after;

        Position(Optional<PullCursor> after) {
            this.after = after;
        }
    }

    public Multi<OutboundSseEvent> events(Start start, Sse sse) {
        return Multi.createBy().repeating()
                .uni(() -> new Position(start.from()), position -> step(start.subscription(), position, sse))
                .indefinitely()
                .onItem().disjoint();
    }

    private Uni<List<OutboundSseEvent>> step(SubscriptionRow subscription, Position position, Sse sse) {
        return reader.read(subscription, position.after, BATCH, heartbeat).map(read -> {
            List<OutboundSseEvent> events = new ArrayList<>();
            if (read.page().refresh()) {
                String from = read.page().from().wire();
                events.add(sse.newEventBuilder().name("refresh").id(from)
                        .data(String.class, json(Map.of("refresh", true, "cursor", from))).build());
            }
            List<PullMessage> messages = renderer.render(subscription, read.page().messages());
            for (PullMessage m : messages) {
                events.add(sse.newEventBuilder().id(m.cursor()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, json(m)).build());
            }
            if (events.isEmpty()) {
                events.add(sse.newEventBuilder().comment("keep-alive").build());
            }
            metrics.handedOut(PullMetrics.Via.STREAM, messages.size());
            position.after = read.next();
            return events;
        });
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pull message did not serialise", e);
        }
    }
}

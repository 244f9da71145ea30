package io.hookgate.pull.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.pull.PullMessage;
import io.hookgate.pull.PullMetrics;
import io.hookgate.pull.PullReader;
import io.hookgate.pull.PullRenderer;
import io.hookgate.subscription.SubscriptionRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Server-Sent Events one read of a stream becomes: a {@code refresh} event when retention dropped unread
 * messages, one event per message (id = its cursor, data = the message JSON), or a comment heartbeat when there was
 * nothing. Shared by {@link StreamRoute} (as text) and {@link PullStream} (as JAX-RS events).
 */
@ApplicationScoped
public class StreamFrames {

    /** One SSE block: an event ({@code name} may be null) or, with only {@code comment} set, a comment line. */
    public record Frame(String name, String id, String data, String comment) {

        /** The block as it goes on the wire, blank line included; the data is one line of JSON. */
        String text() {
            if (comment != null) {
                return ": " + comment + "\n\n";
            }
            StringBuilder block = new StringBuilder(data.length() + 64);
            if (name != null) {
                block.append("event: ").append(name).append('\n');
            }
            return block.append("id: ").append(id).append('\n').append("data: ").append(data).append("\n\n")
                    .toString();
        }
    }

    private final PullRenderer renderer;
    private final PullMetrics metrics;
    private final ObjectMapper mapper;

    public StreamFrames(PullRenderer renderer, PullMetrics metrics, ObjectMapper mapper) {
        this.renderer = renderer;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    /** The blocks for one read, signed with the subscription's secrets; counts the messages handed out. */
    public List<Frame> of(SubscriptionRow subscription, PullReader.Read read) {
        List<Frame> frames = new ArrayList<>();
        if (read.page().refresh()) {
            String from = read.page().from().wire();
            frames.add(new Frame("refresh", from, json(Map.of("refresh", true, "cursor", from)), null));
        }
        List<PullMessage> messages = renderer.render(subscription, read.page().messages());
        for (PullMessage m : messages) {
            frames.add(new Frame(null, m.cursor(), json(m), null));
        }
        if (frames.isEmpty()) {
            frames.add(new Frame(null, null, null, "keep-alive"));
        }
        metrics.handedOut(PullMetrics.Via.STREAM, messages.size());
        return frames;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pull message did not serialise", e);
        }
    }
}

package io.hookgate.inbound.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code chat.notifications} record (contract section 12), keyed by {@code channel}:
 * {@code {id, channel, source_id, repository, event, action, title, text, url, actor, at}}.
 *
 * @param id the notification id (the caller's; e.g. derived from the inbound record id and the channel)
 * @param channel the chat channel
 * @param sourceId the inbound source
 * @param repository the repository the event is about
 * @param event the normalised event name
 * @param rendered the human part
 * @param at when the request was received
 */
public record Notification(String id, String channel, String sourceId, String repository, String event,
        Rendered rendered, Instant at) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(rendered, "rendered");
        Objects.requireNonNull(at, "at");
    }

    /** The record value: compact JSON, fields in contract order, absent values as null. */
    public byte[] toJson() {
        ObjectNode json = MAPPER.createObjectNode()
                .put("id", id)
                .put("channel", channel)
                .put("source_id", sourceId)
                .put("repository", repository)
                .put("event", event)
                .put("action", rendered.action())
                .put("title", rendered.title())
                .put("text", rendered.text())
                .put("url", rendered.url())
                .put("actor", rendered.actor())
                .put("at", at.toString());
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification is always serialisable", e);
        }
    }
}

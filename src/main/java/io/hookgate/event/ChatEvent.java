package io.hookgate.event;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated chat event. Only the fields Hookgate routes on are extracted; everything else,
 * unknown fields included, lives on unchanged in {@link #rawJson()}.
 *
 * @param id deterministic event id from the whole event, see {@link EventId#forEvent}
 * @param channel the {@code channel} value
 * @param messageId canonical {@code message_id}: an integer in plain decimal (no sign for zero, no
 *     leading zeros), a string verbatim (for logs; the id is computed from the event as received)
 * @param occurredAt the parsed {@code timestamp}
 * @param timestamp the {@code timestamp} string exactly as received (used in the standard body)
 * @param messageType the {@code message_type} value
 * @param rawJson the record value exactly as received, strictly decoded as UTF-8; never re-serialised
 */
public record ChatEvent(
        EventId id,
        String channel,
        String messageId,
        OffsetDateTime occurredAt,
        String timestamp,
        String messageType,
        String rawJson) {

    public ChatEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /** The event type this event is delivered as; empty for message types without one (counted, not sent). */
    public Optional<EventType> eventType() {
        return EventType.forMessageType(messageType);
    }

    /** Everything but the raw body, so logs never carry message contents. */
    @Override
    public String toString() {
        return "ChatEvent[id=" + id + ", channel=" + channel + ", messageId=" + messageId
                + ", timestamp=" + timestamp + ", messageType=" + messageType + "]";
    }
}

package io.hookgate.event;

import java.util.Optional;

/**
 * The event types a subscription can ask for. A chat event maps to a type by its {@code message_type};
 * message types without a type here (e.g. {@code files}, {@code deleted}) are accepted but not delivered.
 */
public enum EventType {
    /** A text message in a channel ({@code message_type: "text"}). */
    CHAT_MESSAGE("chat.message", "text"),
    /** An emoji reaction added to or removed from a message ({@code message_type: "emoji"}). */
    CHAT_REACTION("chat.reaction", "emoji"),
    /** A signed test delivery triggered through the API; never derived from a chat event. */
    WEBHOOK_PING("webhook.ping", null);

    private final String wireName;
    private final String messageType;

    EventType(String wireName, String messageType) {
        this.wireName = wireName;
        this.messageType = messageType;
    }

    /** The name used on the wire and in the API, e.g. {@code chat.message}. */
    public String wireName() {
        return wireName;
    }

    /** The chat {@code message_type} this type is derived from; empty for {@code webhook.ping}. */
    public Optional<String> messageType() {
        return Optional.ofNullable(messageType);
    }

    /** The event type for a chat {@code message_type} (case-sensitive), if one exists. */
    public static Optional<EventType> forMessageType(String messageType) {
        if (messageType == null) {
            return Optional.empty();
        }
        return switch (messageType) {
            case "text" -> Optional.of(CHAT_MESSAGE);
            case "emoji" -> Optional.of(CHAT_REACTION);
            default -> Optional.empty();
        };
    }

    /** The event type with this wire name (e.g. from a subscription's {@code event_types}), if any. */
    public static Optional<EventType> fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}

package io.hookgate.delivery;

import java.util.UUID;

/**
 * A pull message the intake is about to store (SPEC 11): an event matched by a pull subscription. {@code bytes} is
 * the event's stored payload size in UTF-8, which retention's {@code max_bytes} counts.
 */
public record NewPullMessage(String eventId, UUID subscriptionId, String eventType, int bytes) {
}

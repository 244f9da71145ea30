package io.hookgate.delivery;

import java.time.OffsetDateTime;

/** An event row stored together with its new deliveries (the delivery statements join it for the payload). */
public record NewEvent(String id, String type, String channel, OffsetDateTime occurredAt, String occurredAtText,
        String payload) {
}

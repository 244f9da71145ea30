package io.hookgate.pull.consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code GET /v1/subscriptions/{id}/consumers}: every consumer, by name. */
public record ConsumerList(@JsonProperty("data") List<ConsumerView> data) {
}

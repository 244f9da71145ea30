package io.hookgate.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka topic names (SPEC section 1) and whether Hookgate creates them. */
@ConfigMapping(prefix = "hookgate.topics")
public interface TopicsConfig {

    /** Input topic of chat events. */
    @WithDefault("chat.events")
    String events();

    /** Dead-letter topic for chat records that can never be processed. */
    @WithDefault("chat.events.dlq")
    String eventsDlq();

    /** Dead-letter topic for deliveries whose attempts ran out. */
    @WithDefault("webhook.deliveries.dlq")
    String deliveriesDlq();

    /** Topic of operational events (verified, disabled, exhausted, recovered). */
    @WithDefault("hookgate.operations")
    String operations();

    /** Verified inbound webhooks (SPEC section 12), keyed by source id. */
    @WithDefault("inbound.events")
    String inboundEvents();

    /** Chat notifications rendered by inbound routes (SPEC section 12), keyed by channel. */
    @WithDefault("chat.notifications")
    String notifications();

    /** Create missing topics at start; true in dev, test and local, false in prod (k8s declares them). */
    @WithDefault("false")
    boolean createOnStart();

    /** Partitions for topics created at start. */
    @WithDefault("4")
    int partitions();
}

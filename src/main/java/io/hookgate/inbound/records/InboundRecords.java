package io.hookgate.inbound.records;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.envelope.HeaderAllowlist;
import io.hookgate.inbound.envelope.InboundEnvelope;
import io.hookgate.inbound.envelope.InboundPayload;
import io.hookgate.inbound.render.Notification;
import io.hookgate.inbound.render.NotificationRenderer;
import io.hookgate.inbound.render.Rendered;
import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.route.EventNames;
import io.hookgate.inbound.route.Repositories;
import io.hookgate.inbound.route.Route;
import io.hookgate.inbound.route.RouteMatcher;
import io.hookgate.inbound.verify.InboundHeaders;
import io.hookgate.inbound.verify.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The records one verified request of a github, gitlab, standard-webhooks or hmac source becomes: its
 * {@code inbound.events} envelope and one {@code chat.notifications} record per channel whose route matches its
 * repository and event. Pure: the caller verified the request and loaded the routes and tenant defaults.
 */
public final class InboundRecords {

    private InboundRecords() {
    }

    /**
     * Who and when, decided by the caller.
     *
     * @param recordId the {@code inbound.events} record id (e.g. a random UUID)
     * @param hmacDeliveryIdHeader the hmac source's {@code delivery_id_header}, kept in the envelope's headers
     */
    public record Context(String recordId, String sourceId, String tenantId, SourceType type,
            Optional<String> hmacDeliveryIdHeader, Instant receivedAt) {
        public Context {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(hmacDeliveryIdHeader, "hmacDeliveryIdHeader");
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (!type.producesInboundEvents()) {
                throw new IllegalArgumentException("eventyay requests go to chat.events, not inbound.events");
            }
        }
    }

    /** The envelope, and the notifications in route order (empty for a repository without routes). */
    public record Records(InboundEnvelope envelope, List<Notification> notifications) {
        public Records {
            Objects.requireNonNull(envelope, "envelope");
            notifications = List.copyOf(notifications);
        }
    }

    /** Builds the records of one verified request. Never throws for any body or headers. */
    public static Records of(Context ctx, Verification.Verified verified, byte[] body, InboundHeaders headers,
            List<Route> routes, EventFilter tenantDefaults) {
        InboundPayload payload = InboundPayload.of(body);
        Optional<String> event = EventNames.normalize(ctx.type(), verified.event(), payload.tree());
        Optional<String> repository = Repositories.extract(ctx.type(), payload.tree());
        InboundEnvelope envelope = new InboundEnvelope(ctx.recordId(), ctx.sourceId(), ctx.tenantId(), ctx.type(),
                event.orElse(null), verified.deliveryId().orElse(null), ctx.receivedAt(),
                HeaderAllowlist.select(ctx.type(), ctx.hmacDeliveryIdHeader(), headers), payload);
        if (event.isEmpty() || repository.isEmpty()) {
            return new Records(envelope, List.of());
        }
        List<String> channels = RouteMatcher.channels(routes, tenantDefaults, repository.get(), event.get());
        if (channels.isEmpty()) {
            return new Records(envelope, List.of());
        }
        Rendered rendered = NotificationRenderer.render(ctx.type(), event.get(), repository.get(), payload.tree());
        List<Notification> notifications = new ArrayList<>(channels.size());
        for (String channel : channels) {
            notifications.add(new Notification(notificationId(ctx.recordId(), channel), channel, ctx.sourceId(),
                    repository.get(), event.get(), rendered, ctx.receivedAt()));
        }
        return new Records(envelope, notifications);
    }

    /** Deterministic per (record, channel), so producing the same record again yields the same notification id. */
    static String notificationId(String recordId, String channel) {
        return UUID.nameUUIDFromBytes((recordId + "\n" + channel).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package io.hookgate.inbound.ingest;

import io.hookgate.event.ChatEventParser;
import io.hookgate.inbound.InboundConfig;
import io.hookgate.inbound.records.InboundRecords;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.eventyay.EventyayIntake;
import io.hookgate.inbound.render.Notification;
import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.routes.RouteLookup;
import io.hookgate.inbound.source.SourceRow;
import io.hookgate.inbound.source.SourceSecrets;
import io.hookgate.inbound.verify.InboundHeaders;
import io.hookgate.inbound.verify.SourceVerifier;
import io.hookgate.inbound.verify.Verification;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A request whose source is known, address allowed and body read: verification on the raw bytes, the type's
 * checks, replay dedupe, then production; 202 only after the broker acknowledged. Nothing is produced for a
 * request failing any check.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final SourceSecrets secrets;
    private final RouteLookup routes;
    private final DedupeStore dedupe;
    private final InboundProducer producer;
    private final EventyayIntake eventyay;
    private final Clock clock;
    private final long workerThreshold;

    public IngestService(SourceSecrets secrets, RouteLookup routes, DedupeStore dedupe, InboundProducer producer,
            ChatEventParser parser, Clock clock, InboundConfig config) {
        this.secrets = secrets;
        this.routes = routes;
        this.dedupe = dedupe;
        this.producer = producer;
        this.eventyay = new EventyayIntake(parser);
        this.clock = clock;
        this.workerThreshold = config.workerThreshold().asLongValue();
    }

    public Uni<IngestAnswer> ingest(SourceRow source, InboundHeaders headers, byte[] body) {
        String type = source.type().wire();
        return cpu(body, () -> SourceVerifier.of(source.type(), source.hmacConfig(), clock)
                .verify(body, headers, secrets.keys(source))).chain(result -> {
                    if (result instanceof Verification.Rejected rejected) {
                        return Uni.createFrom().item(IngestAnswer.rejected(rejected.reason(), type));
                    }
                    Verification.Verified verified = (Verification.Verified) result;
                    return source.type() == SourceType.EVENTYAY ? chatEvent(source, body)
                            : inboundEvent(source, verified, headers, body);
                });
    }

    private Uni<IngestAnswer> chatEvent(SourceRow source, byte[] body) {
        String type = source.type().wire();
        return cpu(body, () -> eventyay.check(body, java.util.Set.copyOf(source.channels()))).chain(outcome -> {
            if (outcome instanceof EventyayIntake.Outcome.InvalidEvent invalid) {
                return Uni.createFrom().item(IngestAnswer.problem(IngestOutcome.INVALID_EVENT, type,
                        "not a valid chat event: " + invalid.invalid().detail()));
            }
            if (outcome instanceof EventyayIntake.Outcome.ChannelNotAllowed) {
                return Uni.createFrom().item(IngestAnswer.problem(IngestOutcome.CHANNEL_NOT_ALLOWED, type,
                        "the event's channel is not one of this source's channels"));
            }
            var event = ((EventyayIntake.Outcome.Accepted) outcome).event();
            String id = event.id().value();
            InboundProducer.Keyed record = new InboundProducer.Keyed(event.channel(),
                    event.rawJson().getBytes(StandardCharsets.UTF_8));
            return deduped(source, Optional.of(id), id, () -> producer.chatEvent(record));
        });
    }

    private Uni<IngestAnswer> inboundEvent(SourceRow source, Verification.Verified verified, InboundHeaders headers,
            byte[] body) {
        Optional<String> deliveryId = verified.deliveryId();
        String recordId = deliveryId.map(d -> UUID.nameUUIDFromBytes((source.id() + "\n" + d)
                .getBytes(StandardCharsets.UTF_8)).toString()).orElseGet(() -> UUID.randomUUID().toString());
        InboundRecords.Context ctx = new InboundRecords.Context(recordId, source.id().toString(),
                source.tenantId().toString(), source.type(),
                source.hmacConfig().flatMap(h -> h.deliveryIdHeader()), clock.instant());
        return deduped(source, deliveryId, recordId, () -> routing(source).chain(r -> cpu(body,
                () -> InboundRecords.of(ctx, verified, body, headers, r.routes(), r.defaults())))
                .chain(records -> producer.inboundEvent(
                        new InboundProducer.Keyed(source.id().toString(), records.envelope().toJson()),
                        records.notifications().stream().map(IngestService::keyed).toList())));
    }

    /** Routes only matter where a repository can be extracted (github, gitlab). */
    private Uni<RouteLookup.Routing> routing(SourceRow source) {
        if (source.type() != SourceType.GITHUB && source.type() != SourceType.GITLAB) {
            return Uni.createFrom().item(new RouteLookup.Routing(List.of(), EventFilter.DEFAULTS));
        }
        return routes.routing(source.id(), source.tenantId());
    }

    private static InboundProducer.Keyed keyed(Notification n) {
        return new InboundProducer.Keyed(n.channel(), n.toJson());
    }

    /** Claims the delivery id (if any), produces, then acks the claim; a failed produce releases it. */
    private Uni<IngestAnswer> deduped(SourceRow source, Optional<String> deliveryId, String recordId,
            Supplier<Uni<Void>> produce) {
        String type = source.type().wire();
        if (deliveryId.isEmpty()) {
            return produced(type, recordId, produce.get());
        }
        String key = deliveryId.get();
        return dedupe.claim(source.id(), key, recordId).chain(claim -> {
            if (claim instanceof DedupeStore.Claim.Duplicate dup) {
                return Uni.createFrom().item(IngestAnswer.duplicate(type, dup.recordId()));
            }
            if (claim instanceof DedupeStore.Claim.InProgress) {
                return Uni.createFrom().item(IngestAnswer.problem(IngestOutcome.IN_PROGRESS, type,
                        "a request with this delivery id is being processed; retry shortly"));
            }
            return produced(type, recordId, produce.get()
                    .onFailure().call(() -> dedupe.release(source.id(), key, recordId)
                            .onFailure().recoverWithNull())
                    .call(() -> dedupe.ack(source.id(), key, recordId).onFailure().invoke(e ->
                            LOG.warnf("could not mark inbound delivery as acknowledged: %s", e.toString()))
                            .onFailure().recoverWithNull()));
        });
    }

    private static Uni<IngestAnswer> produced(String type, String recordId, Uni<Void> produce) {
        return produce.map(ignored -> IngestAnswer.accepted(type, recordId))
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("inbound produce failed: %s", e.toString());
                    return IngestAnswer.problem(IngestOutcome.BROKER_UNAVAILABLE, type,
                            "the event broker did not acknowledge the request; retrying is safe");
                });
    }

    /** Runs CPU work inline for small bodies and on a worker thread for large ones. */
    private <T> Uni<T> cpu(byte[] body, Supplier<T> work) {
        Uni<T> uni = Uni.createFrom().item(work);
        return body.length > workerThreshold ? uni.runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) : uni;
    }
}

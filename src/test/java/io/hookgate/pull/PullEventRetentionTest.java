package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.DeliveryStore;
import io.hookgate.delivery.Dispatcher;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewEvent;
import io.hookgate.delivery.NewPullMessage;
import io.hookgate.retention.RetentionStatements;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC 10: an event stays while a pull message refers to it, and goes once none does. */
@QuarkusTest
class PullEventRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DeliveryStore store;
    @Inject
    RetentionStatements retention;

    @Test
    void theOrphanPurgeKeepsAnEventAPullMessageRefersToAndDeletesItAfterwards() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        UUID pull = UUID.fromString(PullApi.pull(tenant, List.of(room), null).id());
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String payload = new String(ChatEvents.text(room, 1, "kept"), StandardCharsets.UTF_8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Handoff handoff = dispatcher.reserve(0);
        try {
            store.enqueue(version(), List.of(new NewEvent(id, "chat.message", room, now, now.toString(), payload)),
                    List.of(), List.of(new NewPullMessage(id, pull, "chat.message", payload.length())), handoff)
                    .await().atMost(WAIT);
        } finally {
            dispatcher.handOff(handoff, List.of());
        }

        // every event is old enough for this purge; the pull message must keep this one (and the FK must not fail it)
        retention.orphanEvents(Duration.ZERO, 100_000).await().atMost(WAIT);
        assertThat(events(id)).isEqualTo(1);

        pool.preparedQuery("DELETE FROM pull_messages WHERE subscription_id = $1").execute(Tuple.of(pull))
                .await().atMost(WAIT);
        retention.orphanEvents(Duration.ZERO, 100_000).await().atMost(WAIT);
        assertThat(events(id)).isZero();
    }

    private long events(String id) {
        return pool.preparedQuery("SELECT count(*) FROM events WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private long version() {
        return pool.query("SELECT version FROM index_version").execute().await().atMost(WAIT).iterator().next()
                .getLong("version");
    }
}

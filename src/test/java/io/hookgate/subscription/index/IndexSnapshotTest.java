package io.hookgate.subscription.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static IndexSnapshot.Row row(Set<String> channels, Set<String> tenantChannels, Instant created,
            String... types) {
        return new IndexSnapshot.Row(new IndexedSubscription(UUID.randomUUID(), UUID.randomUUID(), Set.of(types),
                created, io.hookgate.subscription.SubscriptionMode.PUSH), channels, tenantChannels);
    }

    @Test
    void matchesByChannelAndTypeOnly() {
        IndexSnapshot.Row room = row(Set.of("a"), Set.of("a", "b"), T0, "chat.message");
        IndexSnapshot.Row other = row(Set.of("b"), Set.of("a", "b"), T0, "chat.message");
        IndexSnapshot.Row reactions = row(Set.of("a"), Set.of("a"), T0, "chat.reaction");
        IndexSnapshot index = IndexSnapshot.build(1, List.of(room, other, reactions));

        assertThat(index.match("a", "chat.message", T0.plusSeconds(1)))
                .containsExactly(room.subscription());
        assertThat(index.match("a", "chat.reaction", T0.plusSeconds(1))).containsExactly(reactions.subscription());
        assertThat(index.match("c", "chat.message", T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void subscriptionWithoutChannelsTakesOnlyItsTenantsChannels() {
        IndexSnapshot.Row scoped = row(null, Set.of("a"), T0, "chat.message");
        IndexSnapshot.Row everywhere = row(null, Set.of("*"), T0, "chat.message");
        IndexSnapshot index = IndexSnapshot.build(1, List.of(scoped, everywhere));

        assertThat(index.match("a", "chat.message", T0)).containsExactlyInAnyOrder(scoped.subscription(),
                everywhere.subscription());
        assertThat(index.match("z", "chat.message", T0)).containsExactly(everywhere.subscription());
    }

    @Test
    void channelsOutsideTheTenantsScopeAreNeverMatched() {
        IndexSnapshot.Row overreaching = row(Set.of("a", "secret"), Set.of("a"), T0, "chat.message");
        IndexSnapshot index = IndexSnapshot.build(1, List.of(overreaching));

        assertThat(index.match("secret", "chat.message", T0)).isEmpty();
        assertThat(index.match("a", "chat.message", T0)).hasSize(1);
    }

    @Test
    void subscriptionNeverReceivesEventsRecordedBeforeItExisted() {
        IndexSnapshot.Row late = row(Set.of("a"), Set.of("*"), T0, "chat.message");
        IndexSnapshot index = IndexSnapshot.build(1, List.of(late));

        assertThat(index.match("a", "chat.message", T0.minusMillis(1))).isEmpty();
        assertThat(index.match("a", "chat.message", T0)).hasSize(1);
    }
}

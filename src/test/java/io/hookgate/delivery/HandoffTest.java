package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoffTest {

    private final UUID healthy = UUID.randomUUID();
    private final UUID excluded = UUID.randomUUID();

    @Test
    void leasesNoMoreDeliveriesThanTheReservedRoom() {
        Handoff handoff = new Handoff(2, Map.of(), Duration.ofSeconds(60), "me");

        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.take(healthy)).isFalse();
        assertThat(handoff.declinedAny()).isTrue();
        assertThat(handoff.declined()).containsExactly(healthy);
    }

    @Test
    void leavesSubscriptionsOfFullOrOpenEndpointsToTheStore() {
        Handoff handoff = new Handoff(10, Map.of(excluded, new Handoff.Room(0)), Duration.ofSeconds(60), "me");

        assertThat(handoff.take(excluded)).isFalse();
        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.declined()).containsExactly(excluded);
    }

    @Test
    void subscriptionsOfOneBusyLaneShareWhatThatLaneCanTake() {
        UUID sibling = UUID.randomUUID();
        Handoff.Room lane = new Handoff.Room(3);
        Handoff handoff = new Handoff(10, Map.of(healthy, lane, sibling, lane), Duration.ofSeconds(60), "me");

        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.take(sibling)).isTrue();
        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.take(sibling)).as("the lane's room is spent").isFalse();
        assertThat(handoff.take(UUID.randomUUID())).as("another lane's subscription").isTrue();
    }

    @Test
    void aBatchThatFitsDeclinesNothingSoNoClaimRoundIsWoken() {
        Handoff handoff = new Handoff(3, Map.of(excluded, new Handoff.Room(0)), Duration.ofSeconds(60), "me");

        handoff.take(healthy);
        handoff.take(healthy);

        assertThat(handoff.declinedAny()).isFalse();
    }
}

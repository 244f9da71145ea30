package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoffTest {

    private final UUID healthy = UUID.randomUUID();
    private final UUID excluded = UUID.randomUUID();

    @Test
    void leasesNoMoreDeliveriesThanTheReservedRoom() {
        Handoff handoff = new Handoff(2, Set.of(), Duration.ofSeconds(60), "me");

        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.take(healthy)).isFalse();
        assertThat(handoff.declinedAny()).isTrue();
    }

    @Test
    void leavesSubscriptionsOfFullOrOpenEndpointsToTheClaim() {
        Handoff handoff = new Handoff(10, Set.of(excluded), Duration.ofSeconds(60), "me");

        assertThat(handoff.take(excluded)).isFalse();
        assertThat(handoff.take(healthy)).isTrue();
        assertThat(handoff.declinedAny()).isTrue();
    }

    @Test
    void aBatchThatFitsDeclinesNothingSoNoClaimRoundIsWoken() {
        Handoff handoff = new Handoff(3, Set.of(excluded), Duration.ofSeconds(60), "me");

        handoff.take(healthy);
        handoff.take(healthy);

        assertThat(handoff.declinedAny()).isFalse();
    }
}

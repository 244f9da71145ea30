package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The recheck wakes a subscription only when its newest readable message changed since the previous probe. */
class RecheckPolicyTest {

    private static final long SECOND = 1_000_000_000L;
    private final RecheckPolicy policy = new RecheckPolicy(60 * SECOND);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void aSubscriptionSeenForTheFirstTimeIsWokenOnlyIfItHasAReadableMessage() {
        assertThat(policy.due(List.of(a, b), Map.of(a, "100/1"), 0)).containsExactly(a);
    }

    @Test
    void anUnchangedNewestMessageWakesNobody() {
        policy.due(List.of(a, b), Map.of(a, "100/1"), 0);
        assertThat(policy.due(List.of(a, b), Map.of(a, "100/1"), 5 * SECOND)).isEmpty();
    }

    @Test
    void aNewReadableMessageWakesOnlyItsSubscription() {
        policy.due(List.of(a, b), Map.of(a, "100/1"), 0);
        assertThat(policy.due(List.of(a, b), Map.of(a, "100/1", b, "105/7"), 5 * SECOND)).containsExactly(b);
        assertThat(policy.due(List.of(a, b), Map.of(a, "110/9", b, "105/7"), 10 * SECOND)).containsExactly(a);
    }

    @Test
    void aSubscriptionAbsentFromOneProbeKeepsItsMarkerSoItsNextWaiterIsNotWokenForNothing() {
        policy.due(List.of(a), Map.of(a, "100/1"), 0);
        // the client is between two long-polls: no waiter at this probe
        assertThat(policy.due(List.of(), Map.of(), 5 * SECOND)).isEmpty();
        assertThat(policy.due(List.of(a), Map.of(a, "100/1"), 10 * SECOND)).isEmpty();
    }

    @Test
    void markersOfSubscriptionsWithoutWaitersAreDroppedAfterTheKeepTime() {
        policy.due(List.of(a, b), Map.of(a, "100/1", b, "100/2"), 0);
        policy.due(List.of(b), Map.of(b, "100/2"), 61 * SECOND);
        assertThat(policy.size()).isEqualTo(1);
        // forgotten, so seen afresh: woken once
        assertThat(policy.due(List.of(a), Map.of(a, "100/1"), 62 * SECOND)).containsExactly(a);
    }

    @Test
    void messagesThatDisappearedWakeToo() {
        // retention or a delete removed them; the waiter re-reads and gets refresh or nothing, never misses one
        policy.due(List.of(a), Map.of(a, "100/1"), 0);
        assertThat(policy.due(List.of(a), Map.of(), 5 * SECOND)).containsExactly(a);
    }
}

package io.hookgate.delivery.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointLimitTest {

    private static final long MS = 1_000_000;

    private record Outcome(long latencyNanos, boolean failed, boolean busy) {
    }

    private static void good(EndpointLimit limit, long latencyMs, int times) {
        for (int i = 0; i < times; i++) {
            limit.onOutcome(latencyMs * MS, false, true);
        }
    }

    @Test
    void aFixedLimitNeverMoves() {
        EndpointLimit limit = new EndpointLimit(8);
        good(limit, 1, 10_000);
        assertThat(limit.current()).isEqualTo(8);
    }

    @Test
    void growsByOneForEachLimitsWorthOfGoodAnswersWhileBusy() {
        EndpointLimit limit = new EndpointLimit(8, 64);
        good(limit, 1, 7);
        assertThat(limit.current()).isEqualTo(8);
        good(limit, 1, 1);
        assertThat(limit.current()).isEqualTo(9);
        good(limit, 1, 9);
        assertThat(limit.current()).isEqualTo(10);
    }

    @Test
    void aQuietEndpointDoesNotGrowHoweverFastItAnswers() {
        EndpointLimit limit = new EndpointLimit(8, 64);
        for (int i = 0; i < 10_000; i++) {
            limit.onOutcome(MS, false, false);
        }
        assertThat(limit.current()).isEqualTo(8);
    }

    @Test
    void aFastBusyEndpointStopsAtTheCeiling() {
        EndpointLimit limit = new EndpointLimit(8, 64);
        good(limit, 1, 100_000);
        assertThat(limit.current()).isEqualTo(64);
    }

    @Test
    void aHangingEndpointHoldsTheFloor() {
        EndpointLimit limit = new EndpointLimit(8, 64);
        for (int i = 0; i < 1_000; i++) {
            limit.onOutcome(15_000 * MS, true, true);
        }
        assertThat(limit.current()).isEqualTo(8);
    }

    @Test
    void anEndpointThatStopsAnsweringAfterGrowingHalvesOnEachFailureBackToTheFloor() {
        EndpointLimit limit = new EndpointLimit(8, 64);
        good(limit, 1, 100_000);
        List<Integer> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            limit.onOutcome(15_000 * MS, true, true);
            seen.add(limit.current());
        }
        assertThat(seen).containsExactly(32, 16, 8, 8);
    }

    @ParameterizedTest(name = "floor latency 10 ms, answer in {0} ms -> limit {1} after 200 busy answers from 20")
    @CsvSource({
        "10, 28",   // at the floor: grows (20, 21, ... 27 answers per step)
        "25, 28",   // within 2 x floor + 5 ms: still near, grows
        "26, 20",   // above near, below slow: holds
        "60, 20",   // 4 x floor + 20 ms: not yet slow, holds
        "61, 10",   // slow: a tenth off per limit's worth of answers (18, 16, 14, 12, 10), never below the floor
    })
    void latencyAgainstTheFloorDecidesGrowHoldOrBackOff(long latencyMs, int expected) {
        EndpointLimit limit = new EndpointLimit(10, 64);
        while (limit.current() < 20) {
            good(limit, 10, 1);
        }
        good(limit, latencyMs, 200);
        assertThat(limit.current()).isEqualTo(expected);
    }

    @Test
    void anEndpointThatMovedFurtherAwayIsJudgedByItsNewFloorAfterTwoWindows() {
        EndpointLimit limit = new EndpointLimit(8, 64);
        good(limit, 1, 500);
        int before = limit.current();
        good(limit, 100, 2 * EndpointLimit.WINDOW);
        int atNewFloor = limit.current();
        good(limit, 100, 2_000);
        assertThat(limit.current()).as("grows again at the new floor").isGreaterThan(atNewFloor);
        assertThat(before).isGreaterThan(8);
    }

    @Test
    void aCeilingBelowTheFloorOrAFloorBelowOneIsRefused() {
        assertThatThrownBy(() -> new EndpointLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndpointLimit(8, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void theLimitStaysBetweenFloorAndCeilingWhateverTheEndpointDoes(@ForAll @IntRange(min = 1, max = 16) int floor,
            @ForAll @IntRange(min = 0, max = 64) int extra, @ForAll("outcomes") List<Outcome> outcomes) {
        EndpointLimit limit = new EndpointLimit(floor, floor + extra);
        for (Outcome o : outcomes) {
            limit.onOutcome(o.latencyNanos(), o.failed(), o.busy());
            assertThat(limit.current()).isBetween(floor, floor + extra);
        }
    }

    @Property
    void anEndpointThatOnlyFailsNeverGetsAboveTheFloor(@ForAll @IntRange(min = 1, max = 16) int floor,
            @ForAll("outcomes") List<Outcome> outcomes) {
        EndpointLimit limit = new EndpointLimit(floor, 64);
        for (Outcome o : outcomes) {
            limit.onOutcome(o.latencyNanos(), true, o.busy());
            assertThat(limit.current()).isEqualTo(floor);
        }
    }

    @Provide
    Arbitrary<List<Outcome>> outcomes() {
        Arbitrary<Long> latency = Arbitraries.longs().between(0, 30_000 * MS);
        Arbitrary<Outcome> one = Combinators.combine(latency, Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false)).as(Outcome::new);
        return one.list().ofMaxSize(3_000);
    }
}

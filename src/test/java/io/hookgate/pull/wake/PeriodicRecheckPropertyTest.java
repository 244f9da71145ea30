package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any subscription id under any salt lands in exactly one slice, so the recheck reaches it once per interval. */
class PeriodicRecheckPropertyTest {

    @Property(tries = 200)
    void everySubscriptionFallsInExactlyOneSliceOfTheInterval(@ForAll long most, @ForAll long least, @ForAll int salt) {
        UUID id = new UUID(most, least);
        long hits = IntStream.range(0, PeriodicRecheck.SLICES).filter(s -> PeriodicRecheck.slice(id, salt) == s).count();
        assertThat(hits).isEqualTo(1);
    }
}

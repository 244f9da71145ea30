package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EmptyReadsTest {

    private static final long MINUTE = 60_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final EmptyReads reads = new EmptyReads(3, MINUTE, now::get);
    private final UUID sub = UUID.randomUUID();

    @Test
    void aReadThatFoundNothingIsKnownEmptyAtItsPositionOnly() {
        reads.foundNothing(reads.before(sub, "p1"));

        assertThat(reads.knownEmpty(sub, "p1")).isTrue();
        assertThat(reads.knownEmpty(sub, "p2")).isFalse();
        assertThat(reads.knownEmpty(UUID.randomUUID(), "p1")).isFalse();
    }

    @Test
    void aReadStillRunningIsNotKnownEmpty() {
        reads.before(sub, "p1");

        assertThat(reads.knownEmpty(sub, "p1")).isFalse();
    }

    @Test
    void aSignalWhileTheReadRanVoidsWhatItFound() {
        EmptyReads.Ticket ticket = reads.before(sub, "p1");
        reads.forget(sub); // a store committed after the read's snapshot was taken, say
        reads.foundNothing(ticket);

        assertThat(reads.knownEmpty(sub, "p1")).isFalse();
    }

    @Test
    void aSignalAfterwardsForgetsIt() {
        reads.foundNothing(reads.before(sub, "p1"));
        reads.forget(sub);

        assertThat(reads.knownEmpty(sub, "p1")).isFalse();
    }

    @Test
    void aLaterReadOfTheSameSubscriptionTakesItsPlace() {
        EmptyReads.Ticket first = reads.before(sub, "p1");
        EmptyReads.Ticket second = reads.before(sub, "p2");
        reads.foundNothing(first);
        reads.foundNothing(second);

        assertThat(reads.knownEmpty(sub, "p1")).isFalse();
        assertThat(reads.knownEmpty(sub, "p2")).isTrue();
    }

    @Test
    void forgettingAllForgetsEverySubscription() {
        UUID other = UUID.randomUUID();
        reads.foundNothing(reads.before(sub, "p1"));
        reads.foundNothing(reads.before(other, "p1"));

        reads.forgetAll();

        assertThat(reads.knownEmpty(sub, "p1")).isFalse();
        assertThat(reads.knownEmpty(other, "p1")).isFalse();
        assertThat(reads.size()).isZero();
    }

    @Test
    void pastItsBoundThoseUnusedForLongestGoFirst() {
        UUID used = UUID.randomUUID();
        reads.foundNothing(reads.before(used, "p"));
        for (int i = 0; i < 2; i++) {
            reads.foundNothing(reads.before(UUID.randomUUID(), "p"));
        }
        now.addAndGet(2 * MINUTE);
        assertThat(reads.knownEmpty(used, "p")).isTrue(); // used just now

        reads.foundNothing(reads.before(sub, "p"));

        assertThat(reads.size()).isEqualTo(2);
        assertThat(reads.knownEmpty(used, "p")).isTrue();
        assertThat(reads.knownEmpty(sub, "p")).isTrue();
    }

    @Test
    void pastItsBoundWithNothingIdleItForgetsAll() {
        for (int i = 0; i < 3; i++) {
            reads.foundNothing(reads.before(UUID.randomUUID(), "p"));
        }

        reads.foundNothing(reads.before(sub, "p"));

        assertThat(reads.size()).isZero();
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new EmptyReads(0, MINUTE, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}

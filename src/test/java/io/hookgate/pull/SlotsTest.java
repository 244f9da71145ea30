package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotsTest {

    private static final String A = "tenant-a";
    private static final String B = "tenant-b";
    private static final String C = "tenant-c";

    @ParameterizedTest(name = "limit {0}, {1} asking: {2} start at once, {3} wait")
    @CsvSource({"1, 1, 1, 0", "1, 3, 1, 2", "4, 3, 3, 0", "4, 4, 4, 0", "4, 10, 4, 6"})
    void startsUpToTheLimitAndQueuesTheRest(int limit, int asking, int startNow, int queued) {
        Slots slots = new Slots(limit);
        int started = 0;
        for (int i = 0; i < asking; i++) {
            if (slots.enter(A, () -> { })) {
                started++;
            }
        }
        assertThat(started).isEqualTo(startNow);
        assertThat(slots.held()).isEqualTo(startNow);
        assertThat(slots.waiting()).isEqualTo(queued);
    }

    @Test
    void aReleasedSlotPassesToTheOldestWaiterFirst() {
        Slots slots = new Slots(1);
        List<String> order = new ArrayList<>();
        assertThat(slots.enter(A, () -> order.add("first"))).isTrue();
        slots.enter(A, () -> order.add("second"));
        slots.enter(A, () -> order.add("third"));

        slots.release().run();
        slots.release().run();

        assertThat(order).containsExactly("second", "third");
        assertThat(slots.held()).as("the slot passed on, never freed in between").isEqualTo(1);
    }

    @Test
    void theLastReleaseFreesTheSlot() {
        Slots slots = new Slots(2);
        slots.enter(A, () -> { });
        slots.enter(A, () -> { });

        assertThat(slots.release()).isNull();
        assertThat(slots.release()).isNull();
        assertThat(slots.held()).isZero();
        assertThat(slots.enter(A, () -> { })).isTrue();
    }

    @Test
    void anotherOwnersStartRunsAfterOneOfEachQueuedOwnerNotAfterTheWholeBurst() {
        Slots slots = new Slots(1);
        List<String> order = new ArrayList<>();
        slots.enter(A, () -> { });
        for (int i = 0; i < 100; i++) {
            int n = i;
            slots.enter(A, () -> order.add("a" + n));
        }
        slots.enter(B, () -> order.add("b0"));
        slots.enter(C, () -> order.add("c0"));
        slots.enter(B, () -> order.add("b1"));

        for (int i = 0; i < 6; i++) {
            slots.release().run();
        }

        assertThat(order).containsExactly("a0", "b0", "c0", "a1", "b1", "a2");
        assertThat(slots.waiting()).isEqualTo(97);
    }

    @Test
    void anOwnerAloneIsServedInArrivalOrderAndLeavesNothingBehind() {
        Slots slots = new Slots(1);
        List<Integer> order = new ArrayList<>();
        slots.enter(A, () -> { });
        for (int i = 0; i < 5; i++) {
            int n = i;
            slots.enter(B, () -> order.add(n));
        }

        Runnable next;
        while ((next = slots.release()) != null) {
            next.run();
        }

        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(slots.waiting()).isZero();
        assertThat(slots.held()).isZero();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new Slots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

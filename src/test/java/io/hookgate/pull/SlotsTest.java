package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotsTest {

    @ParameterizedTest(name = "limit {0}, {1} asking: {2} start at once, {3} wait")
    @CsvSource({"1, 1, 1, 0", "1, 3, 1, 2", "4, 3, 3, 0", "4, 4, 4, 0", "4, 10, 4, 6"})
    void startsUpToTheLimitAndQueuesTheRest(int limit, int asking, int startNow, int queued) {
        Slots slots = new Slots(limit);
        int started = 0;
        for (int i = 0; i < asking; i++) {
            if (slots.enter(() -> { })) {
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
        assertThat(slots.enter(() -> order.add("first"))).isTrue();
        slots.enter(() -> order.add("second"));
        slots.enter(() -> order.add("third"));

        slots.release().run();
        slots.release().run();

        assertThat(order).containsExactly("second", "third");
        assertThat(slots.held()).as("the slot passed on, never freed in between").isEqualTo(1);
    }

    @Test
    void theLastReleaseFreesTheSlot() {
        Slots slots = new Slots(2);
        slots.enter(() -> { });
        slots.enter(() -> { });

        assertThat(slots.release()).isNull();
        assertThat(slots.release()).isNull();
        assertThat(slots.held()).isZero();
        assertThat(slots.enter(() -> { })).isTrue();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new Slots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.hookgate.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

    @Test
    void idIsEvtPlusHexOfTheFirst20BytesOfSha256OfChannelNulMessageId() {
        // vectors computed independently: hashlib.sha256(b"9f1c\x004711").hexdigest()[:40]
        assertThat(EventId.of("9f1c", "4711").value()).isEqualTo("evt_6162d6aaa153003e33935bbafcaefa16bfe6da30");
        assertThat(EventId.of("café", "☃").value()).isEqualTo("evt_975da2ce6dd04b0351a2aa103b529a95449bdd7a");
    }

    @Test
    void sameChannelAndMessageIdAlwaysGiveTheSameId() {
        assertThat(EventId.of("room-1", "17")).isEqualTo(EventId.of("room-1", "17"));
    }

    @Test
    void channelAndMessageIdBothDistinguishIds() {
        assertThat(Set.of(EventId.of("a", "1"), EventId.of("b", "1"), EventId.of("a", "2"), EventId.of("a1", ""),
                EventId.of("", "a1"))).hasSize(5);
    }

    @Test
    void idHasNoDotAndFitsIn64CharsWhateverTheInput() {
        EventId id = EventId.of("chan.nel." + "x".repeat(120), "msg.id." + "😀".repeat(128));

        assertThat(id.value()).doesNotContain(".").hasSize(44).hasSizeLessThanOrEqualTo(EventId.MAX_LENGTH)
                .matches("evt_[0-9a-f]{40}");
    }

    @Test
    void randomPingIdsAreWellFormedAndDistinct() {
        Set<EventId> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            EventId id = EventId.random();
            assertThat(id.value()).matches("evt_ping_[0-9a-f]{32}").hasSizeLessThanOrEqualTo(EventId.MAX_LENGTH);
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void randomPingIdComesFromTheSuppliedGenerator() {
        assertThat(EventId.random(new SplittableRandom(7))).isEqualTo(EventId.random(new SplittableRandom(7)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4711", "msg_abc", "evt_a.b", "evt_0123456789012345678901234567890123456789012345678901234567890"})
    void constructorRejectsValuesThatAreNotEventIds(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventId(value));
    }

    @Test
    void toStringIsTheWireValue() {
        assertThat(EventId.of("9f1c", "4711")).hasToString("evt_6162d6aaa153003e33935bbafcaefa16bfe6da30");
    }
}

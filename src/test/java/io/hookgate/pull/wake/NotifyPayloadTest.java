package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** hookgate_pull payloads: the trigger's comma-separated ids parse, anything else is Malformed, nothing throws. */
class NotifyPayloadTest {

    @Test
    void theTriggersPayloadParsesToItsIdsInOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(NotifyPayload.parse(a + "," + b)).isEqualTo(new NotifyPayload.Ids(List.of(a, b)));
        assertThat(NotifyPayload.parse(a.toString())).isEqualTo(new NotifyPayload.Ids(List.of(a)));
    }

    @Test
    void aFullChunkOfTheTriggerParses() {
        // V11 puts 180 ids in a chunk: 180 * 37 - 1 = 6,659 bytes
        List<UUID> ids = Collections.nCopies(180, UUID.randomUUID());
        String payload = String.join(",", ids.stream().map(UUID::toString).toList());
        assertThat(NotifyPayload.parse(payload)).isEqualTo(new NotifyPayload.Ids(ids));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "hello", "1-2-3-4-5", "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-000000000001,", ",00000000-0000-0000-0000-000000000001", "{\"id\":1}",
            "00000000-0000-0000-0000-000000000001;00000000-0000-0000-0000-000000000002"})
    void anythingElseIsMalformed(String payload) {
        assertThat(NotifyPayload.parse(payload)).isInstanceOf(NotifyPayload.Malformed.class);
    }

    @Test
    void aNullPayloadIsMalformed() {
        assertThat(NotifyPayload.parse(null)).isInstanceOf(NotifyPayload.Malformed.class);
    }

    @Test
    void tooManyIdsAreMalformed() {
        String payload = String.join(",", Collections.nCopies(NotifyPayload.MAX_IDS + 1, UUID.randomUUID().toString()));
        assertThat(NotifyPayload.parse(payload)).isInstanceOf(NotifyPayload.Malformed.class);
    }
}

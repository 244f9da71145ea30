package io.hookgate.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

    private static final String REACTION = "{\"message_id\":4711,\"channel\":\"9f1c\",\"timestamp\":\"2026-11-22T10:15:30Z\","
            + "\"message_type\":\"emoji\",\"sender_id\":\"%s\",\"meta\":{\"target_message_id\":4711,\"reaction\":\"%s\"}}";

    @Test
    void idIsEvtPlusHexOfTheFirst20BytesOfSha256OfTheCanonicalForm() {
        // vectors computed independently: Python json.dumps(sort_keys=True, separators=(",",":"), ensure_ascii=False)
        assertThat(EventId.forEvent("{\"message_id\": 4711, \"channel\": \"9f1c\", \"timestamp\": \"2026-11-22T10:15:30Z\","
                + " \"message_type\": \"text\", \"message\": \"h\\u00e9llo\"}").value())
                .isEqualTo("evt_a1c55ae2319340f61c0fdb58bcf0f85b8c16f400");
        assertThat(EventId.forEvent("{\"€\":\"tab\\u0009here\",\"😀\":1,\"a\\nb\":[3,{\"z\":null,\"y\":true}]}").value())
                .isEqualTo("evt_cb1efa55b86026658350ec4003165f9918949967");
    }

    @Test
    void whitespaceKeyOrderAndStringEscapesDoNotChangeTheId() {
        EventId compact = EventId.forEvent("{\"a\":\"é/\",\"b\":{\"d\":[1,2],\"c\":null}}");

        assertThat(List.of(
                "{ \"b\" : { \"c\" : null , \"d\" : [ 1 , 2 ] } ,\n\t\"a\" : \"é/\" }",
                "{\"a\":\"\\u00e9\\/\",\"b\":{\"d\":[1,2],\"c\":null}}",
                "{\"\\u0061\":\"\\u00E9/\",\"b\":{\"c\":null,\"d\":[1,2]}}"))
                .allSatisfy(variant -> assertThat(EventId.forEvent(variant)).isEqualTo(compact));
    }

    @Test
    void eventsThatDifferInAnythingHaveDifferentIds() {
        Set<EventId> ids = Set.of(
                EventId.forEvent(REACTION.formatted("u-17", "👍")),
                EventId.forEvent(REACTION.formatted("u-18", "👍")),
                EventId.forEvent(REACTION.formatted("u-17", "🎉")),
                EventId.forEvent(REACTION.formatted("u-17", "👍").replace("\"emoji\"", "\"text\"")),
                EventId.forEvent(REACTION.formatted("u-17", "👍").replace("4711,\"channel", "\"4711\",\"channel")),
                EventId.forEvent(REACTION.formatted("u-17", "👍").replace(":4711,\"reaction", ":4711.0,\"reaction")),
                EventId.forEvent(REACTION.formatted("u-17", "👍").replace("10:15:30Z", "10:15:31Z")));

        assertThat(ids).hasSize(7);
    }

    @Test
    void unicodeIsNotNormalisedSoComposedAndDecomposedTextAreTwoEvents() {
        assertThat(EventId.forEvent("{\"message\":\"\u00e9\"}")).isNotEqualTo(EventId.forEvent("{\"message\":\"e\u0301\"}"));
    }

    @Test
    void reactionsToTheSameMessageFromDifferentSendersHaveDifferentIds() {
        EventId first = idOf(REACTION.formatted("u-17", "👍"));
        EventId second = idOf(REACTION.formatted("u-18", "👍"));
        EventId message = idOf(Events.VALID);

        assertThat(Set.of(first, second, message)).hasSize(3);
    }

    @Test
    void idHasNoDotAndFitsIn64CharsWhateverTheInput() {
        EventId id = EventId.forEvent(Events.with("channel", "\"chan.nel." + "x".repeat(100) + "\"")
                .replace("\"hello\"", "\"msg.id." + "😀".repeat(128) + "\""));

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
        EventId id = EventId.forEvent(Events.VALID);
        assertThat(id).hasToString(id.value());
    }

    private static EventId idOf(String json) {
        return ((ParseResult.Valid) new ChatEventParser().parse(Events.utf8(json))).event().id();
    }
}
